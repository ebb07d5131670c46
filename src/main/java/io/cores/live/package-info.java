/**
 * Live scan ingest: the scan sessions agents post, the conflicts a scan raises between the
 * network and the inventory (a NIC answering on another ip, a host in another lab's subnet,
 * a MAC the inventory does not know), and the virtual machines seen on the network.
 * <p>
 * Owns the tables scan_session, scan_conflict and virtual_host_scan, and writes only those.
 * {@link io.cores.live.ScanIngest} runs {@code ingestScan}: SPEC.md's algorithm is
 * {@code internal/Reconciliation}, over the inventory's NICs, hosts, racks and lab subnets
 * read in SQL a few statements per scan ({@code internal/ScanReads}): the inventory listens to
 * this module's events, so this module does not use the inventory's Java types (that would be
 * a cycle). Uses identity's {@code Caller}, roles and {@link io.cores.identity.Agents} (which
 * records that an agent posted).
 * <p>
 * Publishes, inside the ingesting transaction: {@link io.cores.live.ScanIngested}, once per
 * scan, with what it means for the inventory (NICs seen, ips taken, hosts activated and
 * placed), applied by the inventory in that transaction; and
 * {@link io.cores.live.ScanConflictsCreated} with the new conflicts' ids, for listeners that
 * tell others after the commit. Handles that event itself after commit:
 * {@code internal/ConflictFeed} NOTIFYs the other instances and, on every instance, reads new
 * conflicts for the {@code scanConflictCreated} subscriptions ({@code internal/ConflictSubscriptions},
 * docs/dashboards.md).
 * <p>
 * Staff resolve conflicts through {@link io.cores.live.ScanConflictResolutions} (the generic
 * write path's domain action: locked, versioned, logged); accepting one publishes
 * {@link io.cores.live.ScanConflictAccepted}, which the inventory applies through its own write
 * path in the resolving transaction, throwing back what its rules refuse.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live")
package io.cores.live;

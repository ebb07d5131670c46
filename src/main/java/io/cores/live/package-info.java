/**
 * Live scan ingest: the scan sessions agents post, the conflicts a scan raises between the
 * network and the inventory (a NIC answering on another ip, a host in another lab's subnet,
 * a MAC the inventory does not know), and the virtual machines seen on the network.
 * <p>
 * Owns the tables scan_session, scan_conflict and virtual_host_scan. Reads inventory (Nic,
 * Host, Lab) and identity (Agent) by id only. Inventory changes a scan implies (a NIC's ip
 * and lastSeen, a host's rack or status) are the inventory module's to make: this module
 * announces them as events once ingest and conflict resolution are written, and publishes
 * each conflict it creates to subscribers after the transaction commits.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live")
package io.cores.live;

/**
 * Inventory: what the lab owns and where it stands. Owns buildings, labs (with their
 * subnets), racks, the five catalogs (disk vendors, OS builds, hardware generations,
 * host types, card types), hosts, their NICs and cards.
 * <p>
 * It uses no other module's data (its access rules name identity's roles); others refer to
 * its objects by id (booking's bookable
 * per host, loans per host, live's scan conflicts per NIC and host). It handles live's
 * {@code ScanIngested} in the scan's transaction ({@code NicSightings}): the NICs seen, the
 * first ip of a NEW host's NIC, the host going ACTIVE ({@code HostStatusChanged}, as any
 * status change) and a rackless host placed in its lab's default rack, each list in one go. A host's {@code ip}
 * and {@code lastSeen} are derived from its NICs by the database, so every writer agrees.
 * Publishes {@link io.cores.inventory.HostStatusChanged} when staff change a host's status
 * ({@link io.cores.inventory.HostStatuses}); booking handles it in the same transaction.
 * Later it handles the loan events that set a host ON_LOAN and back.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory")
package io.cores.inventory;

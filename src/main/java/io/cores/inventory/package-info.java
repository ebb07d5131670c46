/**
 * Inventory: what the lab owns and where it stands. Owns buildings, labs (with their
 * subnets), racks, the five catalogs (disk vendors, OS builds, hardware generations,
 * host types, card types), hosts, their NICs and cards.
 * <p>
 * It uses no other module's data (its access rules name identity's roles, and it listens to
 * the loans' and live's events); others refer to its objects by id (booking's bookable per
 * host, loans per host, live's scan conflicts per NIC and host). A host's {@code ip} and
 * {@code lastSeen} are derived from its NICs by the database, so every writer agrees.
 * Publishes {@link io.cores.inventory.HostStatusChanged} when a host's status changes
 * ({@link io.cores.inventory.HostStatuses}); booking handles it in the same transaction.
 * It handles the loans' events ({@code HostLoans}): a loan started puts the host ON_LOAN,
 * remembering its status, and the loan's end gives that status back; each is a status change
 * like any other. It handles live's {@code ScanIngested} in the scan's transaction
 * ({@code NicSightings}): the NICs seen, the first ip of a NEW host's NIC, the host going
 * ACTIVE (a status change like any other) and a rackless host placed in its lab's default
 * rack, each list in one go. It applies live's {@code ScanConflictAccepted} through its own
 * write path ({@code graphql/AcceptedScanConflicts}): a NIC taking the scanned ip, a host
 * moving to a rack, a NIC created for an unknown MAC.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory")
package io.cores.inventory;

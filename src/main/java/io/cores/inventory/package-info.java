/**
 * Inventory: what the lab owns and where it stands. Owns buildings, labs (with their
 * subnets), racks, the five catalogs (disk vendors, OS builds, hardware generations,
 * host types, card types), hosts, their NICs and cards.
 * <p>
 * It depends on no other module; others refer to its objects by id (booking's bookable
 * per host, loans per host, live's scan conflicts per NIC and host). A host's {@code ip}
 * and {@code lastSeen} are derived from its NICs by the database, so every writer agrees.
 * Later it publishes host status changes (a host going INACTIVE or ON_LOAN) for booking,
 * and handles the loan events that set a host ON_LOAN and back.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory")
package io.cores.inventory;

/**
 * Booking: projects, bookables (one per host: the handle through which a host is booked)
 * and the holds on them, bookings and reservations, kept in one table so that a single
 * exclusion constraint stops any two live holds on a bookable from overlapping.
 * <p>
 * Answers the domain questions of the schema: is a bookable free at a time, which booking
 * or reservation holds it then, and its calendar of future bookings. Adds
 * {@code Host.bookable} and {@code User.bookings}/{@code User.reservations} to the
 * inventory's and identity's types; refers to hosts and users by id only.
 * <p>
 * Writes: projects and bookables through the generic write path
 * ({@code graphql/BookingWrites}); holds through {@link io.cores.booking.HoldManagement},
 * whose rules are {@link io.cores.booking.HoldRules}'.
 * <p>
 * Events: handles the inventory's {@code HostStatusChanged} ({@code HostAvailability}): a
 * host withdrawn suspends its bookable, ends running holds, cancels future ones and writes a
 * hold_notification for each owner; a host back to ACTIVE reactivates the bookable. It will
 * handle the loans' events the same way.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Booking")
package io.cores.booking;

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
 * Events: none published or handled yet. It will handle the inventory's host status
 * changes and the loans' loan events (suspending and reactivating bookables, ending and
 * cancelling holds) and notify owners.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Booking")
package io.cores.booking;

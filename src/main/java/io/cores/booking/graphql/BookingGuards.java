package io.cores.booking.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.identity.Access;
import io.cores.identity.Role;
import io.cores.platform.graphql.access.Guard;

/**
 * Who may call the hold mutations. Any signed-in user places, changes, ends and cancels holds;
 * whose hold it is (their own, or any for staff) {@link io.cores.booking.HoldManagement}
 * checks. Deleting a hold, rather than cancelling it, is for admins.
 */
@Configuration(proxyBeanMethods = false)
class BookingGuards {

	@Bean
	Guard createBookingAccess() {
		return Guard.field("Mutation", "createBooking", Access.own());
	}

	@Bean
	Guard updateBookingAccess() {
		return Guard.field("Mutation", "updateBooking", Access.own());
	}

	@Bean
	Guard cancelBookingAccess() {
		return Guard.field("Mutation", "cancelBooking", Access.own());
	}

	@Bean
	Guard deleteBookingAccess() {
		return Guard.field("Mutation", "deleteBooking", Access.role(Role.ADMIN));
	}

	@Bean
	Guard createReservationAccess() {
		return Guard.field("Mutation", "createReservation", Access.own());
	}

	@Bean
	Guard updateReservationAccess() {
		return Guard.field("Mutation", "updateReservation", Access.own());
	}

	@Bean
	Guard endReservationAccess() {
		return Guard.field("Mutation", "endReservation", Access.own());
	}

	@Bean
	Guard cancelReservationAccess() {
		return Guard.field("Mutation", "cancelReservation", Access.own());
	}

	@Bean
	Guard deleteReservationAccess() {
		return Guard.field("Mutation", "deleteReservation", Access.role(Role.ADMIN));
	}
}

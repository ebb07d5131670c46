package io.cores.booking.graphql;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.cores.booking.Booking;
import io.cores.booking.HoldManagement;
import io.cores.booking.Reservation;
import io.cores.identity.Caller;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.UserError;

/**
 * The hold mutations; the rules are in {@link HoldManagement}. Inputs arrive as maps, so that
 * an update tells a field left out (unchanged) from one given as null (cleared).
 */
@Controller
class HoldController {

	record CreateBookingPayload(Booking booking, List<UserError> errors) {
	}

	record UpdateBookingPayload(Booking booking, List<UserError> errors) {
	}

	record CancelBookingPayload(Booking booking, List<UserError> errors) {
	}

	record DeleteBookingPayload(String deletedId, List<UserError> errors) {
	}

	record CreateReservationPayload(Reservation reservation, List<UserError> errors) {
	}

	record UpdateReservationPayload(Reservation reservation, List<UserError> errors) {
	}

	record EndReservationPayload(Reservation reservation, List<UserError> errors) {
	}

	record CancelReservationPayload(Reservation reservation, List<UserError> errors) {
	}

	record DeleteReservationPayload(String deletedId, List<UserError> errors) {
	}

	record HoldVersionInput(String id, Integer version) {
	}

	record EndReservationInput(String id, Integer version, OffsetDateTime end) {
	}

	private final HoldManagement management;

	HoldController(HoldManagement management) {
		this.management = management;
	}

	@MutationMapping
	CreateBookingPayload createBooking(@Argument Map<String, Object> input, GraphQLContext context) {
		var outcome = management.create(HoldManagement.BOOKING, Caller.of(context), input);
		return new CreateBookingPayload(outcome.hold(), outcome.errors());
	}

	@MutationMapping
	UpdateBookingPayload updateBooking(@Argument Map<String, Object> input, GraphQLContext context) {
		var outcome = management.update(HoldManagement.BOOKING, Caller.of(context), input);
		return new UpdateBookingPayload(outcome.hold(), outcome.errors());
	}

	@MutationMapping
	CancelBookingPayload cancelBooking(@Argument HoldVersionInput input, GraphQLContext context) {
		var outcome = management.cancel(HoldManagement.BOOKING, Caller.of(context), input.id(), input.version());
		return new CancelBookingPayload(outcome.hold(), outcome.errors());
	}

	@MutationMapping
	DeleteBookingPayload deleteBooking(@Argument HoldVersionInput input, GraphQLContext context) {
		var deleted = management.delete(HoldManagement.BOOKING, Caller.of(context), input.id(), input.version());
		return new DeleteBookingPayload(deletedId("Booking", deleted), deleted.errors());
	}

	@MutationMapping
	CreateReservationPayload createReservation(@Argument Map<String, Object> input, GraphQLContext context) {
		var outcome = management.create(HoldManagement.RESERVATION, Caller.of(context), input);
		return new CreateReservationPayload(outcome.hold(), outcome.errors());
	}

	@MutationMapping
	UpdateReservationPayload updateReservation(@Argument Map<String, Object> input, GraphQLContext context) {
		var outcome = management.update(HoldManagement.RESERVATION, Caller.of(context), input);
		return new UpdateReservationPayload(outcome.hold(), outcome.errors());
	}

	@MutationMapping
	EndReservationPayload endReservation(@Argument EndReservationInput input, GraphQLContext context) {
		var outcome = management.endReservation(Caller.of(context), input.id(), input.version(), input.end());
		return new EndReservationPayload(outcome.hold(), outcome.errors());
	}

	@MutationMapping
	CancelReservationPayload cancelReservation(@Argument HoldVersionInput input, GraphQLContext context) {
		var outcome = management.cancel(HoldManagement.RESERVATION, Caller.of(context), input.id(), input.version());
		return new CancelReservationPayload(outcome.hold(), outcome.errors());
	}

	@MutationMapping
	DeleteReservationPayload deleteReservation(@Argument HoldVersionInput input, GraphQLContext context) {
		var deleted = management.delete(HoldManagement.RESERVATION, Caller.of(context), input.id(), input.version());
		return new DeleteReservationPayload(deletedId("Reservation", deleted), deleted.errors());
	}

	private static String deletedId(String type, HoldManagement.Deleted deleted) {
		return deleted.key() == null ? null : GlobalId.encode(type, deleted.key());
	}
}

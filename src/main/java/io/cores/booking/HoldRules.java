package io.cores.booking;

import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

import io.cores.identity.Caller;
import io.cores.identity.Role;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.UserError;
import io.cores.platform.graphql.access.AccessDenied;

/**
 * The rules of SPEC.md "Booking" that every hold write keeps, one method each. A rule answers
 * the {@link UserError} it refuses with, or null when the write keeps it. Where the database
 * can say the same (hold_no_overlap, hold_starts_before_end, hold_booking_has_end), the
 * constraint is the last guard and means the same error.
 */
@Component
class HoldRules {

	/** The overlap refusal; also what hold_no_overlap means to a writer that raced past the check. */
	static final UserError OVERLAP = UserError.of(UserError.Code.OVERLAP,
			"The bookable is already held (booked or reserved) for part of this period", "input", "start");

	private final HoldRows rows;

	HoldRules(HoldRows rows) {
		this.rows = rows;
	}

	/** Only an ACTIVE bookable takes new holds, or more of an existing one's time. */
	UserError requireActive(BookableStatus status) {
		if (status == BookableStatus.ACTIVE) {
			return null;
		}
		return UserError.of(UserError.Code.INVALID_STATE, "The bookable is " + status + "; only an ACTIVE bookable takes new holds",
				"input", "bookable");
	}

	/**
	 * No two live holds on one bookable overlap, bookings and reservations alike; [start, end)
	 * is half-open, so a hold may start at the moment another ends, and a hold without an end
	 * (an open reservation) meets everything after its start. Run with the bookable locked, so
	 * that the concurrent writers of one bookable are checked one after another. A hold being
	 * changed is not flushed first: its own row is left out, and the constraint would answer
	 * before this check could say which hold is in the way.
	 */
	UserError requireNoOverlap(Hold hold) {
		var clash = rows.firstClash(hold.getBookableId(), hold.getId() == null ? NO_HOLD : hold.getId(), hold.getStart(),
				hold.getEnd());
		if (clash == null) {
			return null;
		}
		return UserError.of(UserError.Code.OVERLAP, "The bookable is held from " + clash.start() + " to "
				+ (clash.end() == null ? "open end" : clash.end()) + " by " + clash.kind().toLowerCase() + " "
				+ GlobalId.encode(clash.kind(), clash.id()), "input", "start");
	}

	/** Stands for "no hold to leave out" when the hold is new: no row has this id. */
	private static final long NO_HOLD = -1;

	/** A hold starts before it ends; a booking must end, a reservation may stay open. */
	UserError requireStartBeforeEnd(Hold hold) {
		if (hold.getEnd() == null) {
			return hold instanceof Booking ? UserError.of(UserError.Code.REQUIRED, "A booking needs an end", "input", "end")
					: null;
		}
		if (!hold.getStart().isBefore(hold.getEnd())) {
			return UserError.of(UserError.Code.INVALID, "end must be after start", "input", "end");
		}
		return null;
	}

	/** A booking may not end in the past unless an admin writes it (recording what happened is theirs). */
	UserError requireBookingNotInPast(Hold hold, Caller caller, OffsetDateTime now) {
		if (!(hold instanceof Booking) || caller.has(Role.ADMIN) || hold.getEnd() == null || !hold.getEnd().isBefore(now)) {
			return null;
		}
		return UserError.of(UserError.Code.INVALID, "A booking may not end in the past (only an admin may write one that does)",
				"input", "end");
	}

	/**
	 * A user writes only their own holds; staff and admins any. Holds are readable by everyone,
	 * so someone else's is FORBIDDEN rather than pretended away as not found.
	 */
	void requireMayChange(Caller caller, Hold hold) {
		if (!caller.has(Role.STAFF) && !hold.getOwnerId().equals(caller.userId())) {
			throw AccessDenied.forbidden("Only its owner (or staff) may change this hold");
		}
	}

	/** A user holds for themself; staff and admins may hold for anyone. */
	void requireMayOwn(Caller caller, long ownerId) {
		if (!caller.has(Role.STAFF) && ownerId != caller.userId()) {
			throw AccessDenied.forbidden("Only staff place or move holds for other users");
		}
	}

	/** A cancelled hold is kept for the record and not changed again. */
	UserError requireLive(Hold hold) {
		if (!hold.isCancelled()) {
			return null;
		}
		return UserError.of(UserError.Code.INVALID_STATE, "This hold was cancelled at " + hold.getCancelledAt(), "input", "id");
	}
}

package io.cores.booking;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.cores.identity.Caller;
import io.cores.identity.UserRepository;
import io.cores.platform.audit.Actor;
import io.cores.platform.audit.ObjectChanged;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.UserError;

/**
 * Placing, changing, ending, cancelling and deleting holds (bookings and reservations), each
 * in one transaction with its change-log record, by the rules in {@link HoldRules}. A write
 * that gives a hold more of a bookable's time (a new hold, another bookable, an earlier
 * start, a later or no end) locks that bookable first, so its writers take turns: the
 * overlap check then sees every committed hold, and a status change waits for them. A hold
 * being changed is locked before its version is compared. A refused write leaves nothing.
 * <p>
 * Cancelling keeps the hold, with {@code cancelledAt}, for the record; it no longer holds the
 * bookable. Deleting (admins only, to remove a mistake) removes the row.
 */
@Service
public class HoldManagement {

	/** Bookings or reservations: the node type's name and how to make an empty one. */
	public record Kind<H extends Hold>(String name, Class<H> type, Supplier<H> factory) {
	}

	public static final Kind<Booking> BOOKING = new Kind<>("Booking", Booking.class, () -> new Booking(null, null, null, null));

	public static final Kind<Reservation> RESERVATION = new Kind<>("Reservation", Reservation.class,
			() -> new Reservation(null, null, null));

	/** What hold_no_overlap means to a writer that raced past {@link HoldRules#requireNoOverlap}. */
	public static final UserError OVERLAP = HoldRules.OVERLAP;

	/** The hold written, or the errors that stopped the write. */
	public record Outcome<H extends Hold>(H hold, List<UserError> errors) {

		static <H extends Hold> Outcome<H> refused(UserError error) {
			return new Outcome<>(null, List.of(error));
		}
	}

	/** The key of the deleted hold, or the errors that stopped the delete. */
	public record Deleted(Long key, List<UserError> errors) {
	}

	private final EntityManager entityManager;
	private final TransactionTemplate transactions;
	private final HoldRules rules;
	private final HoldRows rows;
	private final ProjectRepository projects;
	private final UserRepository users;
	private final ApplicationEventPublisher events;

	HoldManagement(EntityManager entityManager, TransactionTemplate transactions, HoldRules rules, HoldRows rows,
			ProjectRepository projects, UserRepository users, ApplicationEventPublisher events) {
		this.entityManager = entityManager;
		this.transactions = transactions;
		this.rules = rules;
		this.rows = rows;
		this.projects = projects;
		this.users = users;
		this.events = events;
	}

	/** A new hold from the input's bookable, owner (the caller when left out), project, start, end and comment. */
	public <H extends Hold> Outcome<H> create(Kind<H> kind, Caller caller, Map<String, Object> input) {
		return inTransaction(() -> {
			var hold = kind.factory().get();
			hold.setOwnerId(caller.userId());
			var refused = apply(kind, caller, hold, input, true);
			if (refused != null) {
				return Outcome.refused(refused);
			}
			refused = check(kind, caller, hold, null);
			if (refused != null) {
				return Outcome.refused(refused);
			}
			rows.insert(hold);
			logged(kind, caller, hold.getId(), "CREATE", repr(kind, hold), null, snapshot(hold));
			return new Outcome<>(hold, List.of());
		});
	}

	/** Changes the fields the input names (omitted: unchanged, null: cleared) of a live hold. */
	public <H extends Hold> Outcome<H> update(Kind<H> kind, Caller caller, Map<String, Object> input) {
		var changes = new LinkedHashMap<>(input);
		var id = (String) changes.remove("id");
		var version = (Integer) changes.remove("version");
		return change(kind, caller, id, version, hold -> {
			var refused = rules.requireLive(hold);
			return refused != null ? refused : apply(kind, caller, hold, changes, false);
		});
	}

	/**
	 * Ends a reservation: sets its end, now when {@code end} is null. Only a reservation that is
	 * running, or open, is ended; one that has not started yet is cancelled instead.
	 */
	public Outcome<Reservation> endReservation(Caller caller, String id, Integer version, OffsetDateTime end) {
		return change(RESERVATION, caller, id, version, reservation -> {
			var refused = rules.requireLive(reservation);
			if (refused != null) {
				return refused;
			}
			var now = OffsetDateTime.now();
			if (reservation.getEnd() != null && !reservation.getEnd().isAfter(now)) {
				return UserError.of(UserError.Code.INVALID_STATE, "This reservation ended at " + reservation.getEnd(), "input", "id");
			}
			if (end == null && !reservation.getStart().isBefore(now)) {
				return UserError.of(UserError.Code.INVALID_STATE,
						"This reservation has not started yet; cancel it instead", "input", "id");
			}
			reservation.setEnd(end == null ? now : end);
			return null;
		});
	}

	/** Cancels a hold that has not ended yet: it stays for the record and frees its period. */
	public <H extends Hold> Outcome<H> cancel(Kind<H> kind, Caller caller, String id, Integer version) {
		return change(kind, caller, id, version, hold -> {
			var refused = rules.requireLive(hold);
			if (refused != null) {
				return refused;
			}
			var now = OffsetDateTime.now();
			if (hold.getEnd() != null && !hold.getEnd().isAfter(now)) {
				return UserError.of(UserError.Code.INVALID_STATE, "This hold ended at " + hold.getEnd() + "; there is nothing to cancel",
						"input", "id");
			}
			hold.cancel(now);
			return null;
		});
	}

	/** Removes a hold altogether (the guard lets only admins here). */
	public <H extends Hold> Deleted delete(Kind<H> kind, Caller caller, String id, Integer version) {
		long key = GlobalId.decodeKey(id, kind.name(), "input.id");
		var deleted = transactions.execute(status -> {
			var hold = locked(kind, key);
			var refused = hold == null ? notFound(kind) : stale(kind, hold, version);
			if (refused != null) {
				status.setRollbackOnly();
				return new Deleted(null, List.of(refused));
			}
			var before = snapshot(hold);
			var repr = repr(kind, hold);
			entityManager.remove(hold);
			entityManager.flush();
			logged(kind, caller, key, "DELETE", repr, before, null);
			return new Deleted(key, List.of());
		});
		return Objects.requireNonNull(deleted);
	}

	/** One step of a change that may refuse it: answers the error, or null to go on. */
	@FunctionalInterface
	private interface Step<H> {
		UserError on(H hold);
	}

	/** Locks the hold, lets the caller at it if theirs (or staff), compares versions, runs the step and the rules, saves. */
	private <H extends Hold> Outcome<H> change(Kind<H> kind, Caller caller, String id, Integer version, Step<H> step) {
		long key = GlobalId.decodeKey(id, kind.name(), "input.id");
		return inTransaction(() -> {
			var hold = locked(kind, key);
			if (hold == null) {
				return Outcome.refused(notFound(kind));
			}
			rules.requireMayChange(caller, hold);
			var refused = stale(kind, hold, version);
			if (refused != null) {
				return Outcome.refused(refused);
			}
			var before = snapshot(hold);
			var was = new Period(hold.getBookableId(), hold.getStart(), hold.getEnd());
			refused = step.on(hold);
			if (refused == null) {
				refused = check(kind, caller, hold, was);
			}
			if (refused != null) {
				return Outcome.refused(refused);
			}
			return saved(kind, caller, hold, before);
		});
	}

	/** Where and when a hold held its bookable before a change. */
	private record Period(Long bookableId, OffsetDateTime start, OffsetDateTime end) {

		/** Whether the hold now takes time of a bookable it did not take before. */
		boolean grownInto(Hold hold) {
			return !bookableId.equals(hold.getBookableId()) || hold.getStart().isBefore(start)
					|| (end != null && (hold.getEnd() == null || hold.getEnd().isAfter(end)));
		}
	}

	/** The rules on the hold as it would be saved; {@code was} is null for a new hold. */
	private <H extends Hold> UserError check(Kind<H> kind, Caller caller, H hold, Period was) {
		var refused = rules.requireStartBeforeEnd(hold);
		if (refused == null) {
			refused = rules.requireBookingNotInPast(hold, caller, OffsetDateTime.now());
		}
		if (refused == null && (was == null || was.grownInto(hold))) {
			var status = rows.lockedStatus(hold.getBookableId());
			if (status == null) {
				return UserError.of(UserError.Code.NOT_FOUND, "No Bookable with this id", "input", "bookable");
			}
			refused = rules.requireActive(status);
			if (refused == null) {
				refused = rules.requireNoOverlap(hold);
			}
		}
		return refused;
	}

	/**
	 * Binds the input's fields to the hold: references decoded and checked to exist, required
	 * ones not cleared, another owner only for staff. Answers the first problem, or null.
	 */
	private <H extends Hold> UserError apply(Kind<H> kind, Caller caller, H hold, Map<String, Object> input, boolean creating) {
		for (var entry : input.entrySet()) {
			var field = entry.getKey();
			var value = entry.getValue();
			boolean required = !field.equals("project") && !field.equals("comment")
					&& !(field.equals("end") && kind == RESERVATION);
			if (value == null && required) {
				// on create, the schema has already refused a missing required field; owner is defaulted
				if (!creating || !field.equals("owner")) {
					return UserError.of(UserError.Code.REQUIRED, field + " may not be cleared", "input", field);
				}
				continue;
			}
			switch (field) {
				case "bookable" -> hold.setBookableId(GlobalId.decodeKey((String) value, "Bookable", "input.bookable"));
				case "owner" -> {
					long owner = GlobalId.decodeKey((String) value, "User", "input.owner");
					rules.requireMayOwn(caller, owner);
					if (!users.existsById(owner)) {
						return UserError.of(UserError.Code.NOT_FOUND, "No User with id " + value, "input", "owner");
					}
					hold.setOwnerId(owner);
				}
				case "project" -> {
					Long project = value == null ? null : GlobalId.decodeKey((String) value, "Project", "input.project");
					if (project != null && !projects.existsById(project)) {
						return UserError.of(UserError.Code.NOT_FOUND, "No Project with id " + value, "input", "project");
					}
					hold.setProjectId(project);
				}
				case "start" -> hold.setStart((OffsetDateTime) value);
				case "end" -> hold.setEnd((OffsetDateTime) value);
				case "comment" -> hold.setComment((String) value);
				default -> throw new IllegalStateException(kind.name() + " has no writable field " + field);
			}
		}
		return null;
	}

	/** A changed hold flushed, and its change logged if it changed anything. */
	private <H extends Hold> Outcome<H> saved(Kind<H> kind, Caller caller, H hold, Map<String, Object> before) {
		// the update returns what the database sets (timestamps), so no read-back
		entityManager.flush();
		var after = snapshot(hold);
		if (!after.equals(before)) {
			logged(kind, caller, hold.getId(), "UPDATE", repr(kind, hold), before, after);
		}
		return new Outcome<>(hold, List.of());
	}

	/** Runs a write in one transaction; a refused one rolls back, so nothing it bound is flushed. */
	private <H extends Hold> Outcome<H> inTransaction(Supplier<Outcome<H>> work) {
		return Objects.requireNonNull(transactions.execute(status -> {
			var outcome = work.get();
			if (!outcome.errors().isEmpty()) {
				status.setRollbackOnly();
			}
			return outcome;
		}));
	}

	private <H extends Hold> H locked(Kind<H> kind, long key) {
		var hold = entityManager.find(Hold.class, key, LockModeType.PESSIMISTIC_WRITE);
		return kind.type().isInstance(hold) ? kind.type().cast(hold) : null;
	}

	private static UserError notFound(Kind<?> kind) {
		return UserError.of(UserError.Code.NOT_FOUND, "No " + kind.name() + " with this id", "input", "id");
	}

	private static UserError stale(Kind<?> kind, Hold hold, Integer version) {
		if (version != null && hold.getVersion() == version) {
			return null;
		}
		return UserError.of(UserError.Code.STALE_VERSION,
				"The " + kind.name() + " changed since you read it (now version " + hold.getVersion() + ")", "input", "version");
	}

	/** The hold as the change log keeps it: its schema fields, references as global ids. */
	private static Map<String, Object> snapshot(Hold hold) {
		var data = new LinkedHashMap<String, Object>();
		data.put("bookable", GlobalId.encode("Bookable", hold.getBookableId()));
		data.put("owner", GlobalId.encode("User", hold.getOwnerId()));
		data.put("project", hold.getProjectId() == null ? null : GlobalId.encode("Project", hold.getProjectId()));
		data.put("start", text(hold.getStart()));
		data.put("end", text(hold.getEnd()));
		data.put("comment", hold.getComment());
		data.put("cancelledAt", text(hold.getCancelledAt()));
		return data;
	}

	private static String text(OffsetDateTime time) {
		return time == null ? null : time.toString();
	}

	/**
	 * The bookable's host was withdrawn: its running holds end now, its future ones are
	 * cancelled, and each owner gets a notification saying so. A system write, so the users'
	 * rules (own holds, no end in the past) do not apply; the caller holds the bookable's lock.
	 */
	public int withdraw(long bookableId, OffsetDateTime now, String reason, Actor actor) {
		var holds = entityManager.createQuery("""
				select h from Hold h where h.bookableId = :bookable and h.cancelledAt is null
				and (h.endsAt is null or h.endsAt > :now) order by h.startsAt""", Hold.class)
			.setParameter("bookable", bookableId).setParameter("now", now)
			.setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
		for (var hold : holds) {
			var kind = hold instanceof Booking ? BOOKING : RESERVATION;
			var before = snapshot(hold);
			boolean running = !hold.getStart().isAfter(now);
			if (running) {
				hold.setEnd(now);
			}
			else {
				hold.cancel(now);
			}
			entityManager.flush();
			entityManager.refresh(hold);
			events.publishEvent(new ObjectChanged(kind.name(), hold.getId(), "UPDATE", repr(kind, hold), before, snapshot(hold),
					actor.id(), actor.name()));
			entityManager.createNativeQuery("INSERT INTO hold_notification (hold_id, owner_id, kind, reason) VALUES (?, ?, ?, ?)")
				.setParameter(1, hold.getId()).setParameter(2, hold.getOwnerId()).setParameter(3, running ? "ENDED" : "CANCELLED")
				.setParameter(4, reason).executeUpdate();
		}
		return holds.size();
	}

	private static String repr(Kind<?> kind, Hold hold) {
		return kind.name() + " of bookable " + hold.getBookableId() + " from " + hold.getStart()
				+ (hold.getEnd() == null ? " (open)" : " to " + hold.getEnd());
	}

	private void logged(Kind<?> kind, Caller caller, long key, String action, String repr, Map<String, Object> before,
			Map<String, Object> after) {
		events.publishEvent(new ObjectChanged(kind.name(), key, action, repr, before, after, caller.userId(), caller.username()));
	}
}

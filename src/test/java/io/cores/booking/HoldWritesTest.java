package io.cores.booking;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

import io.cores.platform.graphql.GlobalId;
import io.cores.platform.persistence.Json;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of SPEC.md "Booking" on every hold write, through GraphQL: each refused with its code and nothing written, and the valid case. */
@SuppressWarnings("unchecked")
class HoldWritesTest extends ApiTest {

	private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

	private Holdings holdings;
	private String user;
	private long userId;
	private String otherUser;
	private long otherUserId;
	private String staff;
	private String admin;
	private long bookable;

	@BeforeEach
	void callersAndABookable() {
		holdings = new Holdings(jdbc, data());
		user = "Token " + data().tokenFor("user", "USER");
		userId = data().userId("user");
		otherUser = "Token " + data().tokenFor("other", "USER");
		otherUserId = data().userId("other");
		staff = "Token " + data().tokenFor("staff", "STAFF");
		admin = "Token " + data().tokenFor("admin", "ADMIN");
		bookable = holdings.activeBookable("box");
	}

	@Test
	void aUserBooksAnActiveBookableForThemselfWithOneChangeRecord() {
		var payload = createBooking(user, bookable, now.plusDays(1), now.plusDays(2), Map.of("comment", "soak test"));

		assertThat(codes(payload)).isEmpty();
		var booking = (Map<String, Object>) payload.get("booking");
		assertThat(booking).containsEntry("comment", "soak test").containsEntry("version", 0);
		assertThat(instant(booking.get("start"))).isEqualTo(now.plusDays(1).toInstant());
		assertThat(instant(booking.get("end"))).isEqualTo(now.plusDays(2).toInstant());
		assertThat(((Map<String, Object>) booking.get("owner")).get("id")).isEqualTo(GlobalId.encode("User", userId));
		long key = key(booking);
		assertThat(changes("Booking", key)).containsExactly("CREATE");
		var after = (Map<String, Object>) Json.parse(jdbc.queryForObject(
				"SELECT data_after::text FROM object_change WHERE object_type = 'Booking' AND object_id = ?", String.class, key));
		assertThat(after).containsEntry("bookable", GlobalId.encode("Bookable", bookable))
			.containsEntry("owner", GlobalId.encode("User", userId)).containsEntry("project", null)
			.containsEntry("comment", "soak test").containsEntry("cancelledAt", null)
			.containsKeys("start", "end");
	}

	@Test
	void onlyAnActiveBookableTakesNewHolds() {
		for (var status : List.of("CREATED", "SUSPENDED", "INACTIVE")) {
			long closed = data().bookable(data().host("closed-" + status.toLowerCase(), null, "ACTIVE"), status);
			assertThat(errors(createBooking(user, closed, now.plusDays(1), now.plusDays(2), Map.of())))
				.extracting(e -> e.get("code"), e -> e.get("field"))
				.containsExactly(org.assertj.core.groups.Tuple.tuple("INVALID_STATE", List.of("input", "bookable")));
			assertThat(errors(createReservation(user, closed, now.plusDays(1), null))).extracting(e -> e.get("code"))
				.containsExactly("INVALID_STATE");
			assertThat(holds(closed)).as(status + ": nothing written").isZero();
		}
	}

	@Test
	void overlappingHoldsAreRefusedWhateverTheirKind() {
		assertThat(codes(createBooking(user, bookable, now.plusHours(10), now.plusHours(12), Map.of()))).isEmpty();

		var overlap = errors(createBooking(otherUser, bookable, now.plusHours(11), now.plusHours(13), Map.of()));
		assertThat(overlap).extracting(e -> e.get("code")).containsExactly("OVERLAP");
		assertThat((String) overlap.get(0).get("message")).contains("held from").contains("by booking");
		assertThat(codes(createReservation(otherUser, bookable, now.plusHours(9), now.plusHours(11)))).containsExactly("OVERLAP");
		assertThat(codes(createReservation(otherUser, bookable, now.plusHours(5), null))).as("an open one covers it all")
			.containsExactly("OVERLAP");
		assertThat(holds(bookable)).isEqualTo(1);
	}

	@Test
	void anOpenReservationBlocksEverythingAfterItsStart() {
		assertThat(codes(createReservation(user, bookable, now.plusDays(1), null))).isEmpty();

		assertThat(codes(createBooking(otherUser, bookable, now.plusDays(300), now.plusDays(301), Map.of())))
			.containsExactly("OVERLAP");
		assertThat(codes(createBooking(otherUser, bookable, now.plusHours(1), now.plusHours(2), Map.of()))).as("before it")
			.isEmpty();
		assertThat(holds(bookable)).isEqualTo(2);
	}

	@Test
	void backToBackHoldsBothSucceed() {
		assertThat(codes(createBooking(user, bookable, now.plusHours(1), now.plusHours(2), Map.of()))).isEmpty();
		assertThat(codes(createBooking(otherUser, bookable, now.plusHours(2), now.plusHours(3), Map.of()))).isEmpty();
		assertThat(codes(createReservation(otherUser, bookable, now.plusHours(3), null))).isEmpty();
		assertThat(codes(createBooking(user, bookable, now, now.plusHours(1), Map.of()))).isEmpty();
		assertThat(holds(bookable)).isEqualTo(4);
	}

	@Test
	void aCancelledHoldBlocksNothing() {
		var booking = (Map<String, Object>) createBooking(user, bookable, now.plusDays(1), now.plusDays(2), Map.of()).get("booking");
		var cancelled = mutate(user, "cancelBooking", "CancelBookingInput", Map.of("id", booking.get("id"), "version", 0),
				"booking { id version cancelledAt }");
		assertThat(codes(cancelled)).isEmpty();
		assertThat(((Map<String, Object>) cancelled.get("booking")).get("cancelledAt")).isNotNull();
		assertThat(changes("Booking", key(booking))).containsExactly("CREATE", "UPDATE");

		assertThat(codes(createBooking(otherUser, bookable, now.plusDays(1), now.plusDays(2), Map.of()))).isEmpty();
		assertThat(codes(mutate(user, "cancelBooking", "CancelBookingInput", Map.of("id", booking.get("id"), "version", 1),
				"booking { id }"))).as("cancelled once").containsExactly("INVALID_STATE");
		assertThat(codes(mutate(user, "updateBooking", "UpdateBookingInput", Map.of("id", booking.get("id"), "version", 1,
				"comment", "again"), "booking { id }"))).as("a cancelled hold is not changed").containsExactly("INVALID_STATE");
	}

	@Test
	void aBookingStartsBeforeItEnds() {
		for (var end : List.of(now.plusDays(1), now.plusHours(23))) {
			assertThat(errors(createBooking(user, bookable, now.plusDays(1), end, Map.of())))
				.extracting(e -> e.get("code"), e -> e.get("field"))
				.containsExactly(org.assertj.core.groups.Tuple.tuple("INVALID", List.of("input", "end")));
		}
		assertThat(codes(createReservation(user, bookable, now.plusDays(1), now.plusDays(1)))).containsExactly("INVALID");
		assertThat(holds(bookable)).isZero();
	}

	@Test
	void aBookingNeedsAnEndAndKeepsIt() {
		graphQl(user).document("mutation($input: CreateBookingInput!) { createBooking(input: $input) { errors { code } } }")
			.variable("input", Map.of("bookable", GlobalId.encode("Bookable", bookable), "start", now.plusDays(1).toString()))
			.execute().errors().expect(e -> e.getMessage().contains("end")).verify();
		var booking = (Map<String, Object>) createBooking(user, bookable, now.plusDays(1), now.plusDays(2), Map.of()).get("booking");
		var input = new LinkedHashMap<String, Object>(Map.of("id", booking.get("id"), "version", 0));
		input.put("end", null);
		assertThat(codes(mutate(user, "updateBooking", "UpdateBookingInput", input, "booking { id }"))).containsExactly("REQUIRED");
		assertThat(jdbc.queryForObject("SELECT version FROM hold WHERE id = ?", Integer.class, key(booking))).isZero();
	}

	@Test
	void aBookingMayNotEndInThePastUnlessAnAdminWritesIt() {
		for (var caller : List.of(user, staff)) {
			assertThat(errors(createBooking(caller, bookable, now.minusDays(2), now.minusDays(1), Map.of())))
				.extracting(e -> e.get("code"), e -> e.get("field"))
				.containsExactly(org.assertj.core.groups.Tuple.tuple("INVALID", List.of("input", "end")));
		}
		assertThat(holds(bookable)).isZero();
		assertThat(codes(createBooking(admin, bookable, now.minusDays(2), now.minusDays(1), Map.of()))).isEmpty();
		assertThat(codes(createBooking(user, bookable, now.minusHours(1), now.plusHours(1), Map.of()))).as("started, not ended")
			.isEmpty();
	}

	@Test
	void aUserChangesOnlyTheirOwnHolds() {
		long theirs = data().booking(bookable, otherUserId, now.plusDays(1), now.plusDays(2));
		var id = GlobalId.encode("Booking", theirs);
		for (var call : List.of(
				Map.entry("updateBooking", "UpdateBookingInput"), Map.entry("cancelBooking", "CancelBookingInput"))) {
			var input = new LinkedHashMap<String, Object>(Map.of("id", id, "version", 0));
			if (call.getKey().startsWith("update")) {
				input.put("comment", "mine now");
			}
			graphQl(user).document("mutation($input: " + call.getValue() + "!) { " + call.getKey() + "(input: $input) { errors { code } } }")
				.variable("input", input).execute().errors()
				.expect(e -> "FORBIDDEN".equals(String.valueOf(e.getExtensions().get("classification")))).verify();
		}
		assertThat(jdbc.queryForMap("SELECT version, comment, cancelled_at FROM hold WHERE id = ?", theirs))
			.containsEntry("version", 0).containsEntry("comment", null).containsEntry("cancelled_at", null);
		assertThat(changes("Booking", theirs)).isEmpty();

		var update = mutate(staff, "updateBooking", "UpdateBookingInput", Map.of("id", id, "version", 0, "comment", "moved by staff"),
				"booking { version comment owner { id } }");
		assertThat(codes(update)).isEmpty();
		assertThat((Map<String, Object>) update.get("booking")).containsEntry("comment", "moved by staff").containsEntry("version", 1);
	}

	@Test
	void onlyStaffHoldForSomeoneElse() {
		var forOther = Map.<String, Object>of("owner", GlobalId.encode("User", otherUserId));
		graphQl(user).document("mutation($input: CreateBookingInput!) { createBooking(input: $input) { errors { code } } }")
			.variable("input", bookingInput(bookable, now.plusDays(1), now.plusDays(2), forOther)).execute().errors()
			.expect(e -> "FORBIDDEN".equals(String.valueOf(e.getExtensions().get("classification")))).verify();
		assertThat(holds(bookable)).isZero();
		assertThat(codes(createBooking(user, bookable, now.plusDays(1), now.plusDays(2),
				Map.of("owner", GlobalId.encode("User", userId))))).as("naming themself").isEmpty();

		var payload = createBooking(staff, bookable, now.plusDays(3), now.plusDays(4), forOther);
		assertThat(codes(payload)).isEmpty();
		assertThat(((Map<String, Object>) ((Map<String, Object>) payload.get("booking")).get("owner")).get("id"))
			.isEqualTo(GlobalId.encode("User", otherUserId));
		assertThat(codes(createBooking(staff, bookable, now.plusDays(5), now.plusDays(6),
				Map.of("owner", GlobalId.encode("User", Long.MAX_VALUE))))).containsExactly("NOT_FOUND");
		assertThat(codes(createBooking(staff, bookable, now.plusDays(5), now.plusDays(6),
				Map.of("project", GlobalId.encode("Project", Long.MAX_VALUE))))).containsExactly("NOT_FOUND");
		assertThat(codes(createBooking(staff, holdings.activeBookable("none") + 1_000_000, now.plusDays(5), now.plusDays(6),
				Map.of()))).containsExactly("NOT_FOUND");
		assertThat(holds(bookable)).isEqualTo(2);
	}

	@Test
	void anUpdateIsPartialAndNamesTheVersionItRead() {
		long project = holdings.project("release");
		var booking = (Map<String, Object>) createBooking(user, bookable, now.plusDays(1), now.plusDays(2),
				Map.of("comment", "first", "project", GlobalId.encode("Project", project))).get("booking");

		var stale = mutate(user, "updateBooking", "UpdateBookingInput", Map.of("id", booking.get("id"), "version", 3, "comment", "x"),
				"booking { id }");
		assertThat(codes(stale)).containsExactly("STALE_VERSION");

		var input = new LinkedHashMap<String, Object>(Map.of("id", booking.get("id"), "version", 0, "end", now.plusDays(3).toString()));
		input.put("project", null);
		var updated = mutate(user, "updateBooking", "UpdateBookingInput", input, "booking { version start end comment project { id } }");
		assertThat(codes(updated)).isEmpty();
		var changed = (Map<String, Object>) updated.get("booking");
		assertThat(changed).containsEntry("version", 1).containsEntry("comment", "first").containsEntry("project", null);
		assertThat(instant(changed.get("start"))).as("unchanged").isEqualTo(now.plusDays(1).toInstant());
		assertThat(instant(changed.get("end"))).isEqualTo(now.plusDays(3).toInstant());
		assertThat(changes("Booking", key(booking))).containsExactly("CREATE", "UPDATE");
	}

	@Test
	void movingOrLengtheningAHoldKeepsTheRules() {
		var mine = (Map<String, Object>) createBooking(user, bookable, now.plusDays(1), now.plusDays(2), Map.of()).get("booking");
		data().booking(bookable, otherUserId, now.plusDays(3), now.plusDays(4));
		long suspended = data().bookable(data().host("suspended", null, "ACTIVE"), "SUSPENDED");

		assertThat(codes(mutate(user, "updateBooking", "UpdateBookingInput", Map.of("id", mine.get("id"), "version", 0,
				"end", now.plusDays(3).plusHours(1).toString()), "booking { id }"))).containsExactly("OVERLAP");
		assertThat(codes(mutate(user, "updateBooking", "UpdateBookingInput", Map.of("id", mine.get("id"), "version", 0,
				"bookable", GlobalId.encode("Bookable", suspended)), "booking { id }"))).containsExactly("INVALID_STATE");
		assertThat(jdbc.queryForMap("SELECT version, bookable_id, ends_at FROM hold WHERE id = ?", key(mine)))
			.containsEntry("version", 0).containsEntry("bookable_id", bookable);

		// shortening takes no time of anyone's, so a suspended bookable's holds may still shrink
		jdbc.update("UPDATE bookable SET status = 'SUSPENDED' WHERE id = ?", bookable);
		assertThat(codes(mutate(user, "updateBooking", "UpdateBookingInput", Map.of("id", mine.get("id"), "version", 0,
				"end", now.plusDays(1).plusHours(12).toString()), "booking { id }"))).isEmpty();
	}

	@Test
	void anOpenReservationIsEndedBySettingItsEnd() {
		var reservation = (Map<String, Object>) createReservation(user, bookable, now.minusHours(2), null).get("reservation");
		assertThat(reservation.get("end")).isNull();
		var id = reservation.get("id");

		var ended = mutate(user, "endReservation", "EndReservationInput", Map.of("id", id, "version", 0), "reservation { end version }");
		assertThat(codes(ended)).isEmpty();
		var end = OffsetDateTime.parse((String) ((Map<String, Object>) ended.get("reservation")).get("end"));
		assertThat(end).isBetween(now.minusSeconds(5), OffsetDateTime.now().plusSeconds(1));
		assertThat(changes("Reservation", key(reservation))).containsExactly("CREATE", "UPDATE");
		assertThat(codes(createBooking(otherUser, bookable, now.plusMinutes(1), now.plusHours(1), Map.of()))).as("free again")
			.isEmpty();

		assertThat(codes(mutate(user, "endReservation", "EndReservationInput", Map.of("id", id, "version", 1),
				"reservation { end }"))).as("ended once").containsExactly("INVALID_STATE");
		var future = (Map<String, Object>) createReservation(user, bookable, now.plusDays(5), null).get("reservation");
		assertThat(codes(mutate(user, "endReservation", "EndReservationInput", Map.of("id", future.get("id"), "version", 0),
				"reservation { end }"))).as("not started: cancel it").containsExactly("INVALID_STATE");
		assertThat(jdbc.queryForObject("SELECT ends_at IS NULL FROM hold WHERE id = ?", Boolean.class, key(future))).isTrue();
	}

	@Test
	void onlyAdminsDeleteHolds() {
		var booking = (Map<String, Object>) createBooking(user, bookable, now.plusDays(1), now.plusDays(2), Map.of()).get("booking");
		graphQl(staff).document("mutation($input: DeleteBookingInput!) { deleteBooking(input: $input) { deletedId } }")
			.variable("input", Map.of("id", booking.get("id"), "version", 0)).execute().errors()
			.expect(e -> "FORBIDDEN".equals(String.valueOf(e.getExtensions().get("classification")))).verify();
		assertThat(holds(bookable)).isEqualTo(1);

		var deleted = mutate(admin, "deleteBooking", "DeleteBookingInput", Map.of("id", booking.get("id"), "version", 0), "deletedId");
		assertThat(deleted.get("deletedId")).isEqualTo(booking.get("id"));
		assertThat(holds(bookable)).isZero();
		assertThat(changes("Booking", key(booking))).containsExactly("CREATE", "DELETE");
	}

	@Test
	void projectNamesAndBookableHostsAreUnique() {
		var name = data().name("proj");
		var create = "mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } errors { code field } } }";
		assertThat(graphQl(staff).document(create).variable("input", Map.of("name", name)).execute()
			.path("createProject.errors").entityList(Object.class).get()).isEmpty();
		assertThat(graphQl(staff).document(create).variable("input", Map.of("name", name)).execute()
			.path("createProject.errors[0].code").entity(String.class).get()).isEqualTo("NOT_UNIQUE");

		long host = jdbc.queryForObject("SELECT host_id FROM bookable WHERE id = ?", Long.class, bookable);
		var second = graphQl(staff).document("mutation($input: CreateBookableInput!) { createBookable(input: $input) { errors { code field } } }")
			.variable("input", Map.of("host", GlobalId.encode("Host", host), "status", "ACTIVE")).execute()
			.path("createBookable.errors").entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
		assertThat(second).extracting(e -> e.get("code"), e -> e.get("field"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("NOT_UNIQUE", List.of("input", "host")));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM bookable WHERE host_id = ?", Integer.class, host)).isEqualTo(1);
	}

	private Map<String, Object> createBooking(String caller, long bookable, OffsetDateTime start, OffsetDateTime end,
			Map<String, Object> more) {
		return mutate(caller, "createBooking", "CreateBookingInput", bookingInput(bookable, start, end, more),
				"booking { id version start end comment owner { id } project { id } }");
	}

	private Map<String, Object> createReservation(String caller, long bookable, OffsetDateTime start, OffsetDateTime end) {
		return mutate(caller, "createReservation", "CreateReservationInput", bookingInput(bookable, start, end, Map.of()),
				"reservation { id version start end }");
	}

	private static Map<String, Object> bookingInput(long bookable, OffsetDateTime start, OffsetDateTime end,
			Map<String, Object> more) {
		var input = new LinkedHashMap<String, Object>(more);
		input.put("bookable", GlobalId.encode("Bookable", bookable));
		input.put("start", start.toString());
		if (end != null) {
			input.put("end", end.toString());
		}
		return input;
	}

	private Map<String, Object> mutate(String caller, String mutation, String inputType, Map<String, Object> input,
			String selection) {
		return graphQl(caller).document("mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { " + selection
				+ " errors { field message code } } }")
			.variable("input", input).execute().path(mutation)
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
	}

	private static List<String> codes(Map<String, Object> payload) {
		return errors(payload).stream().map(e -> (String) e.get("code")).toList();
	}

	private int holds(long bookable) {
		return jdbc.queryForObject("SELECT count(*) FROM hold WHERE bookable_id = ?", Integer.class, bookable);
	}

	private List<String> changes(String type, long key) {
		return jdbc.queryForList("SELECT action FROM object_change WHERE object_type = ? AND object_id = ? ORDER BY id", String.class,
				type, key);
	}

	private static java.time.Instant instant(Object text) {
		return OffsetDateTime.parse((String) text).toInstant();
	}

	private static long key(Map<String, Object> hold) {
		return GlobalId.decode((String) hold.get("id"), "id").key();
	}
}

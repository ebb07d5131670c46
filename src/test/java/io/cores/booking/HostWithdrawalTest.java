package io.cores.booking;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host withdrawn (INACTIVE) suspends its bookable, ends its running holds now, cancels its
 * future ones and notifies their owners, all in the transaction that changed the host, with
 * one change-log record per object under the request's id; back to ACTIVE reactivates it.
 */
class HostWithdrawalTest extends ApiTest {

	private static final String CHANGE = """
			mutation($id: ID!, $version: Int!, $status: HostStatus!) {
			  changeHostStatus(input: { id: $id, version: $version, status: $status }) { host { status version } errors { code field } }
			}""";

	private String staff;
	private long host;
	private long bookable;

	@BeforeEach
	void anActiveHostWithHolds() {
		staff = "Token " + data().tokenFor("staff", "STAFF");
		host = data().host("lent", null, "ACTIVE");
		bookable = data().bookable(host, "ACTIVE");
	}

	@Test
	@SuppressWarnings("unchecked")
	void goingInactiveEndsRunningHoldsCancelsFutureOnesAndNotifiesTheirOwners() {
		var now = OffsetDateTime.now();
		long alice = data().user("alice");
		long bob = data().user("bob");
		long running = data().booking(bookable, alice, now.minusHours(2), now.plusHours(2));
		long future = data().booking(bookable, bob, now.plusDays(1), now.plusDays(2));
		long reserved = data().reservation(bookable, bob, now.plusDays(3), null);
		long past = data().booking(bookable, alice, now.minusDays(3), now.minusDays(2));
		var request = UUID.randomUUID().toString();
		var pastEnd = jdbc.queryForObject("SELECT ends_at FROM hold WHERE id = ?", OffsetDateTime.class, past);

		var payload = client().post().header("Authorization", staff).header("X-Request-Id", request)
			.bodyValue(Map.of("query", CHANGE, "variables", Map.of("id", GlobalId.encode("Host", host), "version", 0, "status", "INACTIVE")))
			.exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.data.changeHostStatus.errors.length()").isEqualTo(0)
			.jsonPath("$.data.changeHostStatus.host.status").isEqualTo("INACTIVE");

		assertThat(jdbc.queryForObject("SELECT status FROM bookable WHERE id = ?", String.class, bookable)).isEqualTo("SUSPENDED");
		var ended = jdbc.queryForObject("SELECT ends_at FROM hold WHERE id = ?", OffsetDateTime.class, running);
		assertThat(ended).isBetween(now.minusSeconds(1), OffsetDateTime.now());
		assertThat(cancelled(running)).isFalse();
		assertThat(cancelled(future)).isTrue();
		assertThat(cancelled(reserved)).isTrue();
		assertThat(cancelled(past)).isFalse();
		assertThat(jdbc.queryForObject("SELECT ends_at FROM hold WHERE id = ?", OffsetDateTime.class, past))
			.as("an ended hold is left as it was").isEqualTo(pastEnd);
		assertThat(jdbc.queryForList("SELECT hold_id, owner_id, kind FROM hold_notification WHERE hold_id IN (?, ?, ?, ?) ORDER BY hold_id",
				running, future, reserved, past)).containsExactly(
						Map.of("hold_id", running, "owner_id", alice, "kind", "ENDED"),
						Map.of("hold_id", future, "owner_id", bob, "kind", "CANCELLED"),
						Map.of("hold_id", reserved, "owner_id", bob, "kind", "CANCELLED"));
		assertThat(jdbc.queryForList("SELECT object_type || ':' || object_id FROM object_change WHERE request_id = ?::uuid ORDER BY id",
				String.class, request)).containsExactly("Host:" + host, "Booking:" + running, "Booking:" + future,
						"Reservation:" + reserved, "Bookable:" + bookable);

		var refused = graphQl(staff).document("mutation($b: ID!) { createBooking(input: { bookable: $b, start: \"2999-01-01T00:00:00Z\", end: \"2999-01-02T00:00:00Z\" }) { errors { code } } }")
			.variable("b", GlobalId.encode("Bookable", bookable)).execute().path("createBooking.errors[*].code").entityList(String.class).get();
		assertThat(refused).containsExactly("INVALID_STATE");
	}

	@Test
	void backToActiveReactivatesTheBookable() {
		change(0, "INACTIVE");
		assertThat(jdbc.queryForObject("SELECT status FROM bookable WHERE id = ?", String.class, bookable)).isEqualTo("SUSPENDED");
		change(1, "ACTIVE");
		assertThat(jdbc.queryForObject("SELECT status FROM bookable WHERE id = ?", String.class, bookable)).isEqualTo("ACTIVE");
	}

	@Test
	void loansOwnOnLoanAndAStaleVersionChangesNothing() {
		assertThat(change(0, "ON_LOAN")).containsExactly(Map.of("code", "INVALID_STATE", "field", List.of("input", "status")));
		assertThat(change(4, "INACTIVE")).extracting(e -> e.get("code")).containsExactly("STALE_VERSION");
		assertThat(jdbc.queryForObject("SELECT status FROM host WHERE id = ?", String.class, host)).isEqualTo("ACTIVE");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM object_change WHERE object_type = 'Host' AND object_id = ?",
				Integer.class, host)).isZero();
	}

	@Test
	void aHostSetInactiveWhileBookingsArriveKeepsNoLiveFutureHold() throws Exception {
		var pool = Executors.newFixedThreadPool(8);
		var calls = new ArrayList<Callable<Object>>();
		var bookableId = GlobalId.encode("Bookable", bookable);
		for (int i = 0; i < 40; i++) {
			var start = OffsetDateTime.parse("2999-01-01T00:00:00Z").plusHours(2L * i);
			calls.add(() -> graphQl(staff).document("mutation($b: ID!, $s: DateTime!, $e: DateTime!) { createBooking(input: { bookable: $b, start: $s, end: $e }) { errors { code } } }")
				.variable("b", bookableId).variable("s", start.toString()).variable("e", start.plusHours(1).toString())
				.execute().path("createBooking.errors").entityList(Object.class).get());
			if (i == 20) {
				calls.add(() -> change(0, "INACTIVE"));
			}
		}
		for (var result : pool.invokeAll(calls)) {
			result.get();
		}
		pool.shutdown();
		assertThat(jdbc.queryForObject("SELECT status FROM host WHERE id = ?", String.class, host)).isEqualTo("INACTIVE");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM hold WHERE bookable_id = ? AND cancelled_at IS NULL AND starts_at > now()",
				Integer.class, bookable)).as("live future holds").isZero();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> change(int version, String status) {
		return graphQl(staff).document(CHANGE).variable("id", GlobalId.encode("Host", host)).variable("version", version)
			.variable("status", status).execute().path("changeHostStatus.errors").entity(List.class).get();
	}

	private boolean cancelled(long hold) {
		return jdbc.queryForObject("SELECT cancelled_at IS NOT NULL FROM hold WHERE id = ?", Boolean.class, hold);
	}
}

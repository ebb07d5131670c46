package io.cores.loans;

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
 * Loans through GraphQL: starting one puts the host ON_LOAN, remembering its status, which
 * withdraws its bookable (holds ended or cancelled, owners notified); returning it, or
 * deleting an open one, gives the host that status back. One open loan per host, also under
 * concurrent writers.
 */
class LoanWritesTest extends ApiTest {

	private String staff;
	private long host;
	private long bookable;

	@BeforeEach
	void anActiveBookableHost() {
		staff = "Token " + data().tokenFor("lender", "STAFF");
		host = data().host("lent", null, "ACTIVE");
		bookable = data().bookable(host, "ACTIVE");
	}

	@Test
	void startingALoanTakesTheHostOutOfBookingAndNotifiesTheHoldOwners() {
		var now = OffsetDateTime.now();
		long alice = data().user("alice");
		long running = data().booking(bookable, alice, now.minusHours(1), now.plusHours(1));
		long future = data().booking(bookable, alice, now.plusDays(1), now.plusDays(2));
		var request = UUID.randomUUID().toString();

		client().post().header("Authorization", staff).header("X-Request-Id", request)
			.bodyValue(Map.of("query", """
					mutation($host: ID!) {
					  startLoan(input: { host: $host, borrower: "Contoso", contactEmail: "jane@contoso.example" }) {
					    loan { borrower open start host { status } } errors { code }
					  }
					}""", "variables", Map.of("host", GlobalId.encode("Host", host))))
			.exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.data.startLoan.errors.length()").isEqualTo(0)
			.jsonPath("$.data.startLoan.loan.open").isEqualTo(true)
			.jsonPath("$.data.startLoan.loan.host.status").isEqualTo("ON_LOAN");

		assertThat(hostStatus()).containsExactly("ON_LOAN", "ACTIVE");
		assertThat(bookableStatus()).isEqualTo("SUSPENDED");
		assertThat(jdbc.queryForObject("SELECT ends_at FROM hold WHERE id = ?", OffsetDateTime.class, running))
			.isBetween(now, OffsetDateTime.now());
		assertThat(jdbc.queryForObject("SELECT cancelled_at IS NOT NULL FROM hold WHERE id = ?", Boolean.class, future)).isTrue();
		assertThat(jdbc.queryForList("SELECT hold_id, kind FROM hold_notification WHERE owner_id = ? ORDER BY hold_id", alice))
			.containsExactly(Map.of("hold_id", running, "kind", "ENDED"), Map.of("hold_id", future, "kind", "CANCELLED"));
		long loan = jdbc.queryForObject("SELECT id FROM loan WHERE host_id = ?", Long.class, host);
		assertThat(jdbc.queryForList("SELECT object_type || ':' || object_id FROM object_change WHERE request_id = ?::uuid",
				String.class, request)).containsExactlyInAnyOrder("Loan:" + loan, "Host:" + host, "Booking:" + running,
						"Booking:" + future, "Bookable:" + bookable);
	}

	@Test
	void returningGivesTheHostItsStatusBackAndReactivatesTheBookable() {
		var loan = start();
		var payload = returnLoan(loan, 0, null);
		assertThat(errors(payload)).isEmpty();
		var returned = (Map<String, Object>) payload.get("loan");
		assertThat(returned.get("open")).isEqualTo(false);
		assertThat(OffsetDateTime.parse((String) returned.get("returnedAt"))).isBetween(OffsetDateTime.now().minusSeconds(5),
				OffsetDateTime.now());
		assertThat(hostStatus()).containsExactly("ACTIVE", null);
		assertThat(bookableStatus()).isEqualTo("ACTIVE");
		assertThat(jdbc.queryForObject("""
				SELECT data_after ->> 'returnedAt' IS NOT NULL AND data_before ->> 'returnedAt' IS NULL
				FROM object_change WHERE object_type = 'Loan' AND object_id = ? AND action = 'UPDATE'""", Boolean.class,
				GlobalId.decode(loan, "id").key())).as("the return is in the change log").isTrue();
	}

	@Test
	void anInactiveHostComesBackInactiveAndItsBookableStaysSuspended() {
		jdbc.update("UPDATE host SET status = 'INACTIVE' WHERE id = ?", host);
		jdbc.update("UPDATE bookable SET status = 'SUSPENDED' WHERE id = ?", bookable);
		var loan = start();
		assertThat(hostStatus()).containsExactly("ON_LOAN", "INACTIVE");
		assertThat(errors(returnLoan(loan, 0, null))).isEmpty();
		assertThat(hostStatus()).containsExactly("INACTIVE", null);
		assertThat(bookableStatus()).isEqualTo("SUSPENDED");
	}

	@Test
	void aNewHostComesBackNewAndBookableAgain() {
		jdbc.update("UPDATE host SET status = 'NEW' WHERE id = ?", host);
		var loan = start();
		assertThat(bookableStatus()).isEqualTo("SUSPENDED");
		assertThat(errors(returnLoan(loan, 0, null))).isEmpty();
		assertThat(hostStatus()).containsExactly("NEW", null);
		assertThat(bookableStatus()).isEqualTo("ACTIVE");
	}

	@Test
	void aHostHasOneOpenLoanAtATime() {
		start();
		var second = startLoan("Someone else");
		assertThat(errors(second)).containsExactly(Map.of("code", "INVALID_STATE", "field", List.of("input", "host")));
		assertThat(loans()).isEqualTo(1);
	}

	@Test
	void twentyConcurrentLoansOfOneHostGiveExactlyOne() throws Exception {
		var pool = Executors.newFixedThreadPool(20);
		var calls = new ArrayList<Callable<Map<String, Object>>>();
		for (int i = 0; i < 20; i++) {
			var borrower = "borrower " + i;
			calls.add(() -> startLoan(borrower));
		}
		var codes = new ArrayList<Object>();
		for (var result : pool.invokeAll(calls)) {
			errors(result.get()).forEach(error -> codes.add(error.get("code")));
		}
		pool.shutdown();
		assertThat(codes).hasSize(19).containsOnly("INVALID_STATE");
		assertThat(loans()).isEqualTo(1);
		assertThat(hostStatus()).containsExactly("ON_LOAN", "ACTIVE");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM object_change WHERE object_type = 'Host' AND object_id = ?",
				Integer.class, host)).as("the host went out once").isEqualTo(1);
	}

	@Test
	void aReturnIsRefusedWhenStaleTwiceInTheFutureOrBeforeTheStart() {
		var loan = start();
		assertThat(codes(returnLoan(loan, 3, null))).containsExactly("STALE_VERSION");
		assertThat(errors(returnLoan(loan, 0, OffsetDateTime.now().plusDays(1)))).containsExactly(
				Map.of("code", "INVALID", "field", List.of("input", "returnedAt")));
		assertThat(errors(returnLoan(loan, 0, OffsetDateTime.now().minusDays(1)))).containsExactly(
				Map.of("code", "INVALID", "field", List.of("input", "returnedAt")));
		assertThat(hostStatus()).as("still out").containsExactly("ON_LOAN", "ACTIVE");
		assertThat(errors(returnLoan(loan, 0, null))).isEmpty();
		assertThat(errors(returnLoan(loan, 1, null))).containsExactly(
				Map.of("code", "INVALID_STATE", "field", List.of("input", "id")));
		assertThat(hostStatus()).containsExactly("ACTIVE", null);
	}

	@Test
	void aLoanRecordedAfterTheFactKeepsItsStartButNeverStartsInTheFuture() {
		var past = OffsetDateTime.parse("2026-01-05T09:00:00Z");
		var payload = createLoan(past, null, null);
		assertThat(errors(payload)).isEmpty();
		assertThat(OffsetDateTime.parse((String) ((Map<String, Object>) payload.get("loan")).get("start"))).isEqualTo(past);
		assertThat(hostStatus()).containsExactly("ON_LOAN", "ACTIVE");

		var other = data().host("other", null, "ACTIVE");
		host = other;
		assertThat(errors(createLoan(OffsetDateTime.now().plusDays(2), null, null))).containsExactly(
				Map.of("code", "INVALID", "field", List.of("input", "start")));
		assertThat(errors(createLoan(past, past.minusDays(1), null))).containsExactly(
				Map.of("code", "INVALID", "field", List.of("input", "due")));
		assertThat(errors(createLoan(past, null, "not an address"))).containsExactly(
				Map.of("code", "INVALID", "field", List.of("input", "contactEmail")));
		assertThat(hostStatus()).as("nothing written").containsExactly("ACTIVE", null);
	}

	@Test
	void anUpdateChangesTheDetailsButNeverTheHost() {
		var loan = start();
		var elsewhere = GlobalId.encode("Host", data().host("elsewhere", null, "ACTIVE"));
		var moved = mutate(staff, "mutation { updateLoan(input: { id: \"" + loan + "\", version: 0, host: \"" + elsewhere
				+ "\" }) { loan { id } errors { code field } } }", "updateLoan");
		assertThat(errors(moved)).containsExactly(Map.of("code", "INVALID_STATE", "field", List.of("input", "host")));
		var changed = mutate(staff, "mutation { updateLoan(input: { id: \"" + loan + "\", version: 0, borrower: \"Fabrikam\", host: \""
				+ GlobalId.encode("Host", host) + "\" }) { loan { borrower } errors { code field } } }", "updateLoan");
		assertThat(errors(changed)).isEmpty();
		assertThat(((Map<String, Object>) changed.get("loan")).get("borrower")).isEqualTo("Fabrikam");
	}

	@Test
	void deletingAnOpenLoanGivesTheHostBackAndAReturnedOneLeavesItBe() {
		var loan = start();
		assertThat(errors(mutate(staff, "mutation { deleteLoan(input: { id: \"" + loan + "\", version: 0 }) { deletedId errors { code field } } }",
				"deleteLoan"))).isEmpty();
		assertThat(hostStatus()).containsExactly("ACTIVE", null);
		assertThat(bookableStatus()).isEqualTo("ACTIVE");

		var again = start();
		assertThat(errors(returnLoan(again, 0, null))).isEmpty();
		jdbc.update("UPDATE host SET status = 'INACTIVE' WHERE id = ?", host);
		assertThat(errors(mutate(staff, "mutation { deleteLoan(input: { id: \"" + again + "\", version: 1 }) { deletedId errors { code field } } }",
				"deleteLoan"))).isEmpty();
		assertThat(hostStatus()).as("a returned loan's host is not touched").containsExactly("INACTIVE", null);
	}

	@Test
	void aHostOnLoanChangesStatusOnlyByItsReturn() {
		start();
		var refused = mutate(staff, "mutation { changeHostStatus(input: { id: \"" + GlobalId.encode("Host", host)
				+ "\", version: 1, status: INACTIVE }) { host { id } errors { code field } } }", "changeHostStatus");
		assertThat(errors(refused)).containsExactly(Map.of("code", "INVALID_STATE", "field", List.of("input", "status")));
		assertThat(hostStatus()).containsExactly("ON_LOAN", "ACTIVE");
	}

	@Test
	void aReturnIsUndoneByNoRevertAndALoanCreatedIsRevertedByGivingTheHostBack() {
		var loan = start();
		long key = GlobalId.decode(loan, "id").key();
		assertThat(errors(returnLoan(loan, 0, null))).isEmpty();
		var returnChange = change(key, "UPDATE");
		assertThat(codes(revert(returnChange))).containsExactly("INVALID");
		assertThat(hostStatus()).containsExactly("ACTIVE", null);

		var other = start();
		assertThat(codes(revert(change(GlobalId.decode(other, "id").key(), "CREATE")))).isEmpty();
		assertThat(hostStatus()).containsExactly("ACTIVE", null);
		assertThat(bookableStatus()).isEqualTo("ACTIVE");
	}

	private String start() {
		var payload = startLoan("Contoso");
		assertThat(errors(payload)).isEmpty();
		return (String) ((Map<String, Object>) payload.get("loan")).get("id");
	}

	private Map<String, Object> startLoan(String borrower) {
		return mutate(staff, "mutation { startLoan(input: { host: \"" + GlobalId.encode("Host", host) + "\", borrower: \""
				+ borrower + "\" }) { loan { id } errors { code field } } }", "startLoan");
	}

	private Map<String, Object> createLoan(OffsetDateTime start, OffsetDateTime due, String email) {
		return graphQl(staff).document("""
				mutation($host: ID!, $start: DateTime!, $due: DateTime, $email: String) {
				  createLoan(input: { host: $host, borrower: "Contoso", start: $start, due: $due, contactEmail: $email }) {
				    loan { id start } errors { code field }
				  }
				}""").variable("host", GlobalId.encode("Host", host)).variable("start", start.toString())
			.variable("due", due == null ? null : due.toString()).variable("email", email).execute().path("createLoan")
			.entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
	}

	private Map<String, Object> returnLoan(String loan, int version, OffsetDateTime at) {
		return graphQl(staff).document("""
				mutation($id: ID!, $version: Int!, $at: DateTime) {
				  returnLoan(input: { id: $id, version: $version, returnedAt: $at }) { loan { open returnedAt } errors { code field } }
				}""").variable("id", loan).variable("version", version).variable("at", at == null ? null : at.toString())
			.execute().path("returnLoan").entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
	}

	private String change(long loan, String action) {
		return GlobalId.encode("ObjectChange", jdbc.queryForObject(
				"SELECT max(id) FROM object_change WHERE object_type = 'Loan' AND object_id = ? AND action = ?", Long.class, loan,
				action));
	}

	private Map<String, Object> revert(String change) {
		return mutate(staff, "mutation { revertChange(input: { id: \"" + change + "\" }) { errors { code field } } }",
				"revertChange");
	}

	private static List<Object> codes(Map<String, Object> payload) {
		return errors(payload).stream().map(error -> error.get("code")).toList();
	}

	private List<String> hostStatus() {
		var row = jdbc.queryForMap("SELECT status, status_before_loan FROM host WHERE id = ?", host);
		return java.util.Arrays.asList((String) row.get("status"), (String) row.get("status_before_loan"));
	}

	private String bookableStatus() {
		return jdbc.queryForObject("SELECT status FROM bookable WHERE id = ?", String.class, bookable);
	}

	private int loans() {
		return jdbc.queryForObject("SELECT count(*) FROM loan WHERE host_id = ?", Integer.class, host);
	}
}

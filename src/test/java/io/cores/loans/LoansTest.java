package io.cores.loans;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A host's loans, open and returned, and the open filter. */
class LoansTest extends ApiTest {

	private static final String MY_LOANS = """
			query($prefix: String!, $open: Boolean) {
			  loans(filter: { open: $open, host: { hostname: { startsWith: $prefix } } }, orderBy: [{ field: ID }]) {
			    totalCount
			    nodes { id borrower open returnedAt host { hostname } }
			  }
			}""";

	private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

	private long lent;
	private long back;
	private long returnedLoan;
	private long openLoan;
	private long otherReturnedLoan;

	@BeforeEach
	void twoHostsWithLoans() {
		lent = data().host("lent", null, "ON_LOAN");
		back = data().host("back", null, "ACTIVE");
		returnedLoan = loan(lent, "Ada", now.minusDays(30), now.minusDays(20));
		openLoan = loan(lent, "Grace", now.minusDays(2), null);
		otherReturnedLoan = loan(back, "Linus", now.minusDays(10), now.minusDays(1));
	}

	@Test
	void hostLoansListsEveryLoanOfTheHostTheOpenOneIncluded() {
		var response = graphQl().document("""
				query($id: ID!) {
				  host(id: $id) { loans(orderBy: [{ field: START }]) { totalCount nodes { id borrower open returnedAt } } }
				}""").variable("id", GlobalId.encode("Host", lent)).execute();

		response.path("host.loans.totalCount").entity(Integer.class).isEqualTo(2);
		response.path("host.loans.nodes[*].id").entityList(String.class).containsExactly(id(returnedLoan), id(openLoan));
		response.path("host.loans.nodes[*].open").entityList(Boolean.class).containsExactly(false, true);
		response.path("host.loans.nodes[1].returnedAt").valueIsNull();
		response.path("host.loans.nodes[0].returnedAt").entity(String.class)
			.satisfies(at -> assertThat(OffsetDateTime.parse(at)).isEqualTo(now.minusDays(20)));
	}

	@Test
	void theOpenFilterTrueListsOnlyLoansStillOut() {
		graphQl().document(MY_LOANS).variable("prefix", data().prefix()).variable("open", true).execute()
			.path("loans.nodes[*].id").entityList(String.class).containsExactly(id(openLoan))
			.path("loans.nodes[0].borrower").entity(String.class).isEqualTo("Grace")
			.path("loans.nodes[0].host.hostname").entity(String.class).isEqualTo(data().name("lent"));
	}

	@Test
	void theOpenFilterFalseListsOnlyReturnedLoans() {
		graphQl().document(MY_LOANS).variable("prefix", data().prefix()).variable("open", false).execute()
			.path("loans.nodes[*].id").entityList(String.class).containsExactly(id(returnedLoan), id(otherReturnedLoan))
			.path("loans.totalCount").entity(Integer.class).isEqualTo(2);
	}

	@Test
	void withoutTheOpenFilterEveryLoanIsListed() {
		graphQl().document(MY_LOANS).variable("prefix", data().prefix()).variable("open", null).execute()
			.path("loans.nodes[*].id").entityList(String.class)
			.containsExactly(id(returnedLoan), id(openLoan), id(otherReturnedLoan));
	}

	@Test
	void hostsCanBeFilteredByTheirOpenLoans() {
		graphQl().document("""
				query($prefix: String!) {
				  hosts(filter: { hostname: { startsWith: $prefix }, loans: { some: { open: true } } }) { nodes { hostname } }
				}""").variable("prefix", data().prefix()).execute()
			.path("hosts.nodes[*].hostname").entityList(String.class).containsExactly(data().name("lent"));
	}

	/**
	 * An or-branch whose only field is null puts no condition, so it matches every loan; the
	 * other conditions of the filter still hold.
	 */
	@Test
	void anOrBranchWithoutConditionsKeepsTheRestOfTheFilter() {
		long stranger = data().insert(
				"INSERT INTO host (hostname, status, status_before_loan) VALUES (?, 'ON_LOAN', 'ACTIVE') RETURNING id",
				"elsewhere-" + data().prefix());
		loan(stranger, "Someone else", now.minusDays(1), null);

		graphQl().document("""
				query($prefix: String!, $open: Boolean) {
				  loans(filter: { host: { hostname: { startsWith: $prefix } }, or: [{ open: $open }, { borrower: { eq: "Ada" } }] },
				        orderBy: [{ field: ID }]) {
				    nodes { id }
				  }
				}""").variable("prefix", data().prefix()).variable("open", null).execute()
			.path("loans.nodes[*].id").entityList(String.class)
			.containsExactly(id(returnedLoan), id(openLoan), id(otherReturnedLoan));
	}

	@Test
	void aLoanShowsItsDetails() {
		jdbc.update("UPDATE loan SET contact_email = 'grace@example.net', due_at = ?, comment = 'for the demo' WHERE id = ?",
				now.plusDays(5), openLoan);

		var response = graphQl("Token " + data().tokenFor("lender", "STAFF")).document("""
				query($id: ID!) { loan(id: $id) { borrower contactEmail start due comment open host { id status } } }""")
			.variable("id", id(openLoan)).execute();
		// a person's address: anonymous callers and users do not get it
		for (var caller : new String[] { null, "Token " + data().tokenFor("reader", "USER") }) {
			(caller == null ? graphQl() : graphQl(caller)).document("query($id: ID!) { loan(id: $id) { contactEmail } }")
				.variable("id", id(openLoan)).execute().errors()
				.expect(e -> java.util.List.of("UNAUTHORIZED", "FORBIDDEN")
					.contains(String.valueOf(e.getExtensions().get("classification"))))
				.verify().path("loan.contactEmail").valueIsNull();
		}

		response.path("loan.contactEmail").entity(String.class).isEqualTo("grace@example.net");
		response.path("loan.comment").entity(String.class).isEqualTo("for the demo");
		response.path("loan.open").entity(Boolean.class).isEqualTo(true);
		response.path("loan.host.id").entity(String.class).isEqualTo(GlobalId.encode("Host", lent));
		response.path("loan.host.status").entity(String.class).isEqualTo("ON_LOAN");
		response.path("loan.due").entity(String.class)
			.satisfies(due -> assertThat(OffsetDateTime.parse(due)).isEqualTo(now.plusDays(5)));
		response.path("loan.start").entity(String.class)
			.satisfies(start -> assertThat(OffsetDateTime.parse(start)).isEqualTo(now.minusDays(2)));
	}

	private long loan(long host, String borrower, OffsetDateTime start, OffsetDateTime returnedAt) {
		return data().insert("""
				INSERT INTO loan (host_id, borrower, starts_at, returned_at)
				VALUES (?, ?, ?, ?) RETURNING id""", host, borrower, start, returnedAt);
	}

	private static String id(long loan) {
		return GlobalId.encode("Loan", loan);
	}
}

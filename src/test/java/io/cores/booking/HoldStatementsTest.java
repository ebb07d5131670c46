package io.cores.booking;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;
import io.cores.support.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one {@code createBooking} costs the database, all rules and its change-log record
 * included, counted at the JDBC level from the request's authentication to its commit: the
 * baseline the write benchmark (docs/performance.md) records beside its throughput.
 */
class HoldStatementsTest extends ApiTest {

	/**
	 * The token with its owner and the owner's groups, the bookable locked, the overlap check,
	 * the hold inserted (returning what the database set), the change-log record; a failure
	 * lists them ({@link SqlStatements#texts()}).
	 */
	private static final int STATEMENTS = 5;

	private String user;
	private String bookable;

	@BeforeEach
	void aUserAndABookable() {
		user = "Token " + data().tokenFor("booker", "USER");
		bookable = GlobalId.encode("Bookable", data().bookable(data().host("booked", null, "ACTIVE"), "ACTIVE"));
		book("2999-03-01T09:00:00Z", "2999-03-01T10:00:00Z"); // the token's first use is written once
	}

	@Test
	void aBookingWithItsRulesAndChangeRecordRunsAFixedNumberOfStatements() {
		SqlStatements.reset();
		var payload = book("2999-03-02T09:00:00Z", "2999-03-02T10:00:00Z");
		assertThat(errors(payload)).isEmpty();
		assertThat(SqlStatements.count()).as(String.join("\n", SqlStatements.texts())).isEqualTo(STATEMENTS);
	}

	private Map<String, Object> book(String start, String end) {
		return mutate(user, "mutation { createBooking(input: { bookable: \"" + bookable + "\", start: \"" + start + "\", end: \""
				+ end + "\" }) { booking { id } errors { code } } }", "createBooking");
	}
}

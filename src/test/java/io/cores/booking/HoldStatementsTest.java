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
	 * The bookable locked, the overlap check, the hold inserted (returning what the database
	 * set), the change-log record; the caller was authenticated moments ago, which is taken on
	 * trust. A failure lists them ({@link SqlStatements#texts()}).
	 */
	private static final int STATEMENTS = 4;

	/** A token's first request also reads it, with its owner and groups, and writes its last use. */
	private static final int FIRST_REQUEST = STATEMENTS + 2;

	private String bookable;

	@BeforeEach
	void aBookable() {
		bookable = GlobalId.encode("Bookable", data().bookable(data().host("booked", null, "ACTIVE"), "ACTIVE"));
	}

	@Test
	void aBookingWithItsRulesAndChangeRecordRunsAFixedNumberOfStatements() {
		var user = "Token " + data().tokenFor("booker", "USER");
		book(user, "2999-03-01T09:00:00Z", "2999-03-01T10:00:00Z");

		SqlStatements.reset();
		var payload = book(user, "2999-03-02T09:00:00Z", "2999-03-02T10:00:00Z");
		assertThat(errors(payload)).isEmpty();
		assertThat(SqlStatements.count()).as(String.join("\n", SqlStatements.texts())).isEqualTo(STATEMENTS);
	}

	@Test
	void aTokensFirstRequestAlsoAuthenticatesIt() {
		var user = "Token " + data().tokenFor("newcomer", "USER");

		SqlStatements.reset();
		var payload = book(user, "2999-04-01T09:00:00Z", "2999-04-01T10:00:00Z");
		assertThat(errors(payload)).isEmpty();
		assertThat(SqlStatements.count()).as(String.join("\n", SqlStatements.texts())).isEqualTo(FIRST_REQUEST);
	}

	private Map<String, Object> book(String user, String start, String end) {
		return mutate(user, "mutation { createBooking(input: { bookable: \"" + bookable + "\", start: \"" + start + "\", end: \""
				+ end + "\" }) { booking { id } errors { code } } }", "createBooking");
	}
}

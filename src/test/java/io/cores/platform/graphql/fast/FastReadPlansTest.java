package io.cores.platform.graphql.fast;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.cores.identity.internal.TokenKeys;
import io.cores.support.ApiTest;
import io.cores.support.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path keeps a query's plan for repeat requests of one document, variables and
 * caller: a repeat plans nothing and reads the same, and a plan is never shared by callers
 * who see different rows (a token is seen by its owner and admins only, and the plan holds
 * the owner's condition).
 */
class FastReadPlansTest extends ApiTest {

	private static final String TOKENS = """
			query($prefix: String!) {
			  tokens(filter: { comment: { startsWith: $prefix } }, orderBy: [{ field: KEY_PREFIX }]) { nodes { comment } }
			}""";

	@Autowired
	private MeterRegistry meters;

	private String ann;
	private String bob;

	@BeforeEach
	void twoUsersWithATokenEach() {
		ann = data().tokenFor("ann", "USER");
		bob = data().tokenFor("bob", "USER");
		jdbc.update("UPDATE api_token SET comment = ? WHERE key_hash = ?", data().name("ann's"), TokenKeys.hash(ann));
		jdbc.update("UPDATE api_token SET comment = ? WHERE key_hash = ?", data().name("bob's"), TokenKeys.hash(bob));
	}

	@Test
	void eachCallerReadsWhatTheyMaySeeThroughTheSameDocument() {
		double fast = answeredFast();
		for (int round = 0; round < 2; round++) {
			assertThat(tokens("Token " + ann)).containsExactly(data().name("ann's"));
			assertThat(tokens("Token " + bob)).containsExactly(data().name("bob's"));
			assertThat(tokens(null)).isEmpty();
			assertThat(tokens("Token " + ADMIN_KEY)).containsExactlyInAnyOrder(data().name("ann's"), data().name("bob's"));
		}
		assertThat(answeredFast() - fast).as("queries the fast path answered").isEqualTo(8);
	}

	@Test
	void aRepeatReadsTheSameInTheSameStatements() {
		tokens("Token " + ann);
		SqlStatements.reset();
		assertThat(tokens("Token " + ann)).containsExactly(data().name("ann's"));
		int statements = SqlStatements.count();
		var texts = List.copyOf(SqlStatements.texts());
		SqlStatements.reset();
		assertThat(tokens("Token " + ann)).containsExactly(data().name("ann's"));
		assertThat(SqlStatements.count()).isEqualTo(statements);
		assertThat(SqlStatements.texts()).isEqualTo(texts);
	}

	private List<String> tokens(String authorization) {
		var client = authorization == null ? graphQl() : graphQl(authorization);
		return client.document(TOKENS).variable("prefix", data().prefix()).execute()
			.path("tokens.nodes[*].comment").entityList(String.class).get();
	}

	private double answeredFast() {
		return meters.get("cores.graphql.fast.reads").tag("answered", "fast").counter().count();
	}
}

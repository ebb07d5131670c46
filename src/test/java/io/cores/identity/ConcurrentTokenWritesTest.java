package io.cores.identity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;
import io.cores.support.LockWaits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write that loses a race to another writer — one that committed between the mutation's
 * check and its write — gets the same user error the check gives, not an unexpected error,
 * and leaves nothing behind. The other writer holds its row uncommitted until the mutation is
 * seen waiting for it, so the race happens every time.
 */
class ConcurrentTokenWritesTest extends ApiTest {

	@Autowired
	private DataSource dataSource;

	@Test
	void anAgentNameTakenByAConcurrentWriterIsNotUnique() throws Exception {
		var name = data().name("racer");
		var payload = whileHeld("INSERT INTO agent (name) VALUES ('" + name + "')", "INSERT INTO agent",
				() -> asAdmin().document("""
						mutation($input: RegisterAgentInput!) {
						  registerAgent(input: $input) { key agent { id } errors { field code message } }
						}""").variable("input", Map.of("name", name)).execute().path("registerAgent"));

		assertThat(payload.get("agent")).isNull();
		assertThat(payload.get("key")).isNull();
		assertThat(payload.get("errors")).isEqualTo(List.of(Map.of("field", List.of("input", "name"), "code", "NOT_UNIQUE",
				"message", "An agent of that name exists")));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token WHERE comment = ?", Integer.class, "agent " + name))
			.as("the agent's token was rolled back with it").isZero();
	}

	@Test
	void aTokenChangedByAConcurrentWriterIsStale() throws Exception {
		long owner = data().user("owner");
		data().token(owner, "USER", false, true, null);
		long token = jdbc.queryForObject("SELECT id FROM api_token WHERE owner_id = ?", Long.class, owner);
		var payload = whileHeld("UPDATE api_token SET comment = 'theirs', version = version + 1 WHERE id = " + token,
				"FROM api_token",
				() -> asAdmin().document("""
						mutation($input: DisableTokenInput!) { disableToken(input: $input) { token { id } errors { field code } } }""")
					.variable("input", Map.of("id", GlobalId.encode("Token", token), "version", 0)).execute()
					.path("disableToken"));

		assertThat(payload.get("token")).isNull();
		assertThat(payload.get("errors")).isEqualTo(List.of(Map.of("field", List.of("input", "version"), "code", "STALE_VERSION")));
		assertThat(jdbc.queryForMap("SELECT enabled, comment FROM api_token WHERE id = ?", token))
			.containsEntry("enabled", true).containsEntry("comment", "theirs");
	}

	/**
	 * Runs {@code held} in a transaction of its own, calls the API while that transaction is
	 * open, waits until the API's write is blocked behind it, then commits it.
	 */
	private Map<String, Object> whileHeld(String held, String apiWrite, Call call) throws Exception {
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.createStatement().execute(held);
			var response = CompletableFuture.supplyAsync(() -> call.run()
				.entity(new ParameterizedTypeReference<Map<String, Object>>() {
				}).get());
			LockWaits.awaitBlocked(jdbc, apiWrite);
			connection.commit();
			return response.get(10, TimeUnit.SECONDS);
		}
	}

	@FunctionalInterface
	private interface Call {
		org.springframework.graphql.test.tester.GraphQlTester.Path run();
	}
}

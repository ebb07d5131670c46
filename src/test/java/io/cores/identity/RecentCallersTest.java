package io.cores.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cores.identity.internal.TokenKeys;
import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;
import io.cores.support.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A credential that checked out is taken on trust for a few seconds
 * ({@code cores.security.credential-cache}): its repeat requests cost no SQL. A change made
 * through this server ends the trust at once; one made elsewhere (another instance, SQL), within
 * the window.
 */
class RecentCallersTest extends ApiTest {

	private static final long WINDOW_MILLIS = 5_000;

	@Test
	void aRepeatRequestReadsNoToken() {
		var key = data().tokenFor("repeat", "USER");
		assertThat(status(key)).isEqualTo(200);

		SqlStatements.reset();
		assertThat(status(key)).isEqualTo(200);
		assertThat(SqlStatements.texts()).noneMatch(text -> text.contains("api_token"));
	}

	@Test
	void aTokenDisabledThroughTheApiIsRefusedOnItsVeryNextRequest() {
		var key = data().tokenFor("disabled", "USER");
		assertThat(status(key)).isEqualTo(200);

		long token = jdbc.queryForObject("SELECT id FROM api_token WHERE key_hash = ?", Long.class, TokenKeys.hash(key));
		int version = jdbc.queryForObject("SELECT version FROM api_token WHERE id = ?", Integer.class, token);
		asAdmin().document("mutation($input: DisableTokenInput!) { disableToken(input: $input) { errors { code } } }")
			.variable("input", Map.of("id", GlobalId.encode("Token", token), "version", version)).execute()
			.path("disableToken.errors").entityList(Object.class).hasSize(0);

		assertThat(status(key)).isEqualTo(401);
	}

	@Test
	void aUserDeactivatedThroughTheApiLosesTheirTokenAtOnce() {
		var key = data().tokenFor("leaver", "USER");
		assertThat(status(key)).isEqualTo(200);

		long user = jdbc.queryForObject("SELECT owner_id FROM api_token WHERE key_hash = ?", Long.class, TokenKeys.hash(key));
		int version = jdbc.queryForObject("SELECT version FROM app_user WHERE id = ?", Integer.class, user);
		asAdmin().document("mutation($input: UpdateUserInput!) { updateUser(input: $input) { errors { code } } }")
			.variable("input", Map.of("id", GlobalId.encode("User", user), "version", version, "active", false)).execute()
			.path("updateUser.errors").entityList(Object.class).hasSize(0);

		assertThat(status(key)).isEqualTo(401);
	}

	@Test
	void aTokenDisabledElsewhereStopsWorkingWithinTheWindow() throws InterruptedException {
		var key = data().tokenFor("elsewhere", "USER");
		assertThat(status(key)).isEqualTo(200);
		long changed = System.nanoTime();
		jdbc.update("UPDATE api_token SET enabled = false WHERE key_hash = ?", TokenKeys.hash(key));

		while (status(key) == 200) {
			assertThat((System.nanoTime() - changed) / 1_000_000).as("still accepted after the window")
				.isLessThan(WINDOW_MILLIS + 2_000);
			Thread.sleep(200);
		}
		assertThat(status(key)).isEqualTo(401);
	}

	private int status(String key) {
		return client().post().header("Authorization", "Token " + key).bodyValue(Map.of("query", "{ me { username } }"))
			.exchange().returnResult(String.class).getStatus().value();
	}
}

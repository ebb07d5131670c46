package io.cores.identity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cores.identity.internal.TokenKeys;
import io.cores.platform.persistence.Json;
import io.cores.support.ApiTest;
import io.cores.support.GraphQlSocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphQL over WebSocket (graphql-transport-ws): the caller comes from connection_init's
 * Authorization; bad credentials close with 4401, agents with 4403, silence with 4408, and a
 * connection is closed when its token expires, or within one recheck once it is disabled,
 * deleted, expired or its owner deactivated, wherever that happened.
 */
class WebSocketAuthenticationTest extends ApiTest {

	/** cores.security.websocket-recheck in the test profile. */
	private static final Duration RECHECK = Duration.ofSeconds(1);
	/** The documented bound — a connection is closed within one recheck — plus time for the close to travel. */
	private static final Duration BOUND = RECHECK.plusSeconds(2);

	@Test
	void aValidTokenInConnectionInitAuthenticatesTheConnection() throws Exception {
		var key = data().tokenFor("socket", "USER");
		try (var socket = connect()) {
			socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Token " + key)));
			assertThat(socket.next().get("type")).isEqualTo("connection_ack");
			socket.send(Map.of("type", "subscribe", "id", "1", "payload", Map.of("query", "{ me { username } }")));
			var next = socket.next();
			assertThat(next.get("type")).isEqualTo("next");
			assertThat(Json.write(next.get("payload"))).contains(data().name("socket"));
		}
	}

	@Test
	void anonymousConnectionsMayRead() throws Exception {
		try (var socket = connect()) {
			socket.send(Map.of("type", "connection_init"));
			assertThat(socket.next().get("type")).isEqualTo("connection_ack");
			socket.send(Map.of("type", "subscribe", "id", "1", "payload", Map.of("query", "{ me { username } }")));
			assertThat(Json.write(socket.next().get("payload"))).contains("\"me\":null");
		}
	}

	@Test
	void badCredentialsCloseWith4401() throws Exception {
		try (var socket = connect()) {
			socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Token cores_unknown")));
			assertThat(socket.closeCode()).isEqualTo(4401);
		}
	}

	@Test
	void anAgentTokenClosesWith4403() throws Exception {
		var key = data().tokenFor("agentsocket", "AGENT");
		try (var socket = connect()) {
			socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Token " + key)));
			assertThat(socket.closeCode()).isEqualTo(4403);
		}
	}

	@Test
	void noConnectionInitClosesWith4408() throws Exception {
		try (var socket = connect()) {
			assertThat(socket.closeCode()).isEqualTo(4408);
		}
	}

	@Test
	void aConnectionIsClosedWhenItsTokenExpires() throws Exception {
		long user = data().user("brief");
		var key = data().token(user, "USER", false, true, OffsetDateTime.now().plusSeconds(2));
		try (var socket = connect()) {
			socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Token " + key)));
			assertThat(socket.next().get("type")).isEqualTo("connection_ack");
			assertThat(socket.closeCode()).isEqualTo(4401);
		}
	}

	@Test
	void aConnectionWhoseTokenStaysValidStaysOpen() throws Exception {
		var key = data().tokenFor("steady", "USER");
		try (var socket = authenticated(key)) {
			Thread.sleep(RECHECK.multipliedBy(3).toMillis());
			socket.send(Map.of("type", "subscribe", "id", "1", "payload", Map.of("query", "{ me { username } }")));
			assertThat(Json.write(socket.next().get("payload"))).contains(data().name("steady"));
		}
	}

	@Test
	void aConnectionIsClosedWhenItsTokenIsDisabledWithTheMutation() throws Exception {
		var key = data().tokenFor("disabled", "USER");
		try (var socket = authenticated(key)) {
			var token = graphQl("Token " + key).document("{ tokens { nodes { id version } } }").execute()
				.path("tokens.nodes[0]").entity(Map.class).get();
			graphQl("Token " + key).document("""
					mutation($id: ID!, $version: Int!) { disableToken(input: {id: $id, version: $version}) { errors { message } } }""")
				.variable("id", token.get("id")).variable("version", token.get("version")).execute()
				.path("disableToken.errors").entityList(Object.class).hasSize(0);
			assertThat(socket.closeCodeWithin(BOUND)).isEqualTo(4401);
		}
	}

	@Test
	void aConnectionIsClosedWhenItsTokenIsDeletedWithTheMutation() throws Exception {
		var key = data().tokenFor("deleted", "USER");
		try (var socket = authenticated(key)) {
			var token = graphQl("Token " + key).document("{ tokens { nodes { id version } } }").execute()
				.path("tokens.nodes[0]").entity(Map.class).get();
			graphQl("Token " + key).document("""
					mutation($id: ID!, $version: Int!) { deleteToken(input: {id: $id, version: $version}) { errors { message } } }""")
				.variable("id", token.get("id")).variable("version", token.get("version")).execute()
				.path("deleteToken.errors").entityList(Object.class).hasSize(0);
			assertThat(socket.closeCodeWithin(BOUND)).isEqualTo(4401);
		}
	}

	/** As another instance of Cores, or an operator's SQL, would change the token: no event here. */
	@Test
	void aConnectionIsClosedWhenItsTokenIsRevokedElsewhere() throws Exception {
		var changes = List.of("UPDATE api_token SET enabled = false WHERE key_hash = ?",
				"DELETE FROM api_token WHERE key_hash = ?",
				"UPDATE api_token SET expires_at = now() WHERE key_hash = ?",
				"UPDATE app_user SET active = false WHERE id = (SELECT owner_id FROM api_token WHERE key_hash = ?)");
		for (var change : changes) {
			var key = data().tokenFor("elsewhere" + changes.indexOf(change), "USER");
			try (var socket = authenticated(key)) {
				jdbc.update(change, TokenKeys.hash(key));
				assertThat(socket.closeCodeWithin(BOUND)).as(change).isEqualTo(4401);
			}
		}
	}

	private GraphQlSocket authenticated(String key) throws Exception {
		var socket = connect();
		socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Token " + key)));
		assertThat(socket.next().get("type")).isEqualTo("connection_ack");
		return socket;
	}

	private GraphQlSocket connect() throws Exception {
		return GraphQlSocket.connect(port());
	}
}

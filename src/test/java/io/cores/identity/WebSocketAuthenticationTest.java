package io.cores.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.cores.platform.persistence.Json;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphQL over WebSocket (graphql-transport-ws): the caller comes from connection_init's
 * Authorization; bad credentials close with 4401, agents with 4403, silence with 4408, and a
 * connection is closed when its token expires.
 */
class WebSocketAuthenticationTest extends ApiTest {

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

	private Socket connect() throws Exception {
		var socket = new Socket();
		socket.webSocket = HttpClient.newHttpClient().newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.buildAsync(URI.create("ws://localhost:" + port() + "/graphql"), socket)
			.get(5, TimeUnit.SECONDS);
		return socket;
	}

	/** A minimal graphql-transport-ws client that records messages and the close code. */
	private static final class Socket implements WebSocket.Listener, AutoCloseable {

		private final LinkedBlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();
		private final CompletableFuture<Integer> closed = new CompletableFuture<>();
		private final StringBuilder partial = new StringBuilder();
		private WebSocket webSocket;

		void send(Map<String, Object> message) {
			webSocket.sendText(Json.write(message), true).join();
		}

		@SuppressWarnings("unchecked")
		Map<String, Object> next() throws InterruptedException {
			var message = messages.poll(10, TimeUnit.SECONDS);
			assertThat(message).as("a message within 10 s").isNotNull();
			return message;
		}

		int closeCode() throws Exception {
			return closed.get(15, TimeUnit.SECONDS);
		}

		@Override
		@SuppressWarnings("unchecked")
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				messages.add((Map<String, Object>) Json.parse(partial.toString()));
				partial.setLength(0);
			}
			socket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
			closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket socket, Throwable error) {
			closed.completeExceptionally(error);
		}

		@Override
		public void close() {
			if (!webSocket.isOutputClosed()) {
				webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
			}
		}
	}
}

package io.cores.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cores.platform.persistence.Json;

import static org.assertj.core.api.Assertions.assertThat;

/** A minimal graphql-transport-ws client over the JDK's WebSocket that records messages and the close code. */
public final class GraphQlSocket implements WebSocket.Listener, AutoCloseable {

	private final LinkedBlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();
	private final CompletableFuture<Integer> closed = new CompletableFuture<>();
	private final StringBuilder partial = new StringBuilder();
	private WebSocket webSocket;

	private GraphQlSocket() {
	}

	/** A connection to the test server's /graphql, speaking graphql-transport-ws; nothing sent yet. */
	public static GraphQlSocket connect(int port) throws Exception {
		var socket = new GraphQlSocket();
		socket.webSocket = HttpClient.newHttpClient().newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.buildAsync(URI.create("ws://localhost:" + port + "/graphql"), socket)
			.get(5, TimeUnit.SECONDS);
		return socket;
	}

	public void send(Map<String, Object> message) {
		webSocket.sendText(Json.write(message), true).join();
	}

	/** connection_init (with {@code Authorization} when not null), and waits for the ack. */
	public GraphQlSocket init(String authorization) throws InterruptedException {
		send(authorization == null ? Map.of("type", "connection_init")
				: Map.of("type", "connection_init", "payload", Map.of("Authorization", authorization)));
		var ack = next();
		assertThat(ack.get("type")).as("connection_ack, got %s", ack).isEqualTo("connection_ack");
		return this;
	}

	/** Starts an operation under {@code id}; its results arrive as "next" messages. */
	public void subscribe(String id, String query, Map<String, Object> variables) {
		send(Map.of("type", "subscribe", "id", id, "payload", Map.of("query", query, "variables", variables)));
	}

	/** The payload of the next "next" message; fails on anything else (error, complete) or after 10 s. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> nextResult() throws InterruptedException {
		var message = next();
		assertThat(message.get("type")).as("a next message, got %s", message).isEqualTo("next");
		return (Map<String, Object>) message.get("payload");
	}

	/** The next message if one arrives within {@code bound}, else null: for proving that nothing is sent. */
	public Map<String, Object> poll(Duration bound) throws InterruptedException {
		return messages.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> next() throws InterruptedException {
		var message = messages.poll(10, TimeUnit.SECONDS);
		assertThat(message).as("a message within 10 s").isNotNull();
		return message;
	}

	public int closeCode() throws Exception {
		return closed.get(15, TimeUnit.SECONDS);
	}

	public int closeCodeWithin(Duration bound) throws Exception {
		try {
			return closed.get(bound.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("the connection was still open after " + bound);
		}
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

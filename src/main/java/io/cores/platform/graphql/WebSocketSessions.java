package io.cores.platform.graphql;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * The open GraphQL WebSocket sessions by id, so that a connection can be closed with a
 * graphql-ws close code (4401, 4403) — when its credentials are refused at connection_init,
 * expire or are revoked later — which Spring for GraphQL's session info does not offer.
 */
@Configuration(proxyBeanMethods = false)
public class WebSocketSessions {

	private final Map<String, WebSocketSession> open = new ConcurrentHashMap<>();
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		var thread = new Thread(r, "websocket-expiry");
		thread.setDaemon(true);
		return thread;
	});

	@Bean
	@SuppressWarnings("unchecked")
	GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties) {
		var websocket = properties.getWebsocket();
		var converter = (HttpMessageConverter<Object>) (HttpMessageConverter<?>) new JacksonJsonHttpMessageConverter();
		return new GraphQlWebSocketHandler(handler, converter, websocket.getConnectionInitTimeout(), websocket.getKeepAlive()) {
			@Override
			public void afterConnectionEstablished(WebSocketSession session) {
				open.put(session.getId(), session);
				super.afterConnectionEstablished(session);
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
				open.remove(session.getId());
				super.afterConnectionClosed(session, status);
			}
		};
	}

	/** Closes a session with a graphql-ws close code; a session already gone is left alone. */
	public void close(String sessionId, int code, String reason) {
		var session = open.get(sessionId);
		if (session != null && session.isOpen()) {
			try {
				session.close(new CloseStatus(code, reason));
			}
			catch (IOException ex) {
				// the peer is gone already; nothing left to close
			}
		}
	}

	/** Whether the session is still connected; false once it is closed or was never known. */
	public boolean isOpen(String sessionId) {
		var session = open.get(sessionId);
		return session != null && session.isOpen();
	}

	/** Closes a session once {@code after} has passed, if it is still open then. */
	public void closeLater(String sessionId, Duration after, int code, String reason) {
		timer.schedule(() -> close(sessionId, code, reason), Math.max(0, after.toMillis()), TimeUnit.MILLISECONDS);
	}
}

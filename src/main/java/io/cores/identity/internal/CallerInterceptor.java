package io.cores.identity.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import io.cores.identity.Caller;
import io.cores.platform.graphql.WebSocketSessions;

/**
 * Puts the caller into every GraphQL request's context. Over HTTP the caller comes from
 * {@link CallerFilter}; over WebSocket from the {@code Authorization} key of the
 * connection_init payload, checked once per connection: refused credentials close the
 * connection with 4401, an agent (which may only post scans over HTTP) with 4403, and a
 * connection whose credentials expire is closed with 4401 when they do. An API token is
 * checked again while the connection lasts ({@link ConnectionRecheck}).
 */
@Component
class CallerInterceptor implements WebSocketGraphQlInterceptor {

	static final int UNAUTHORIZED = 4401;
	static final int FORBIDDEN = 4403;

	private final Authenticator authenticator;
	private final WebSocketSessions sessions;
	private final ConnectionRecheck recheck;

	CallerInterceptor(Authenticator authenticator, WebSocketSessions sessions, ConnectionRecheck recheck) {
		this.authenticator = authenticator;
		this.sessions = sessions;
		this.recheck = recheck;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Caller caller;
		if (request instanceof WebSocketGraphQlRequest socket) {
			caller = (Caller) socket.getSessionInfo().getAttributes().get(CallerFilter.ATTRIBUTE);
		}
		else {
			caller = (Caller) request.getAttributes().get(CallerFilter.ATTRIBUTE);
		}
		var known = caller == null ? Caller.ANONYMOUS : caller;
		request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(Caller.class, known)).build());
		return chain.next(request);
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
		Caller caller;
		try {
			caller = authenticator.authenticate(authorization(payload));
		}
		catch (InvalidCredentials ex) {
			sessions.close(session.getId(), UNAUTHORIZED, ex.getMessage());
			return Mono.error(ex);
		}
		if (caller.isAgent()) {
			sessions.close(session.getId(), FORBIDDEN, "Agent tokens may only post scans");
			return Mono.error(new InvalidCredentials("Agent tokens may only post scans"));
		}
		session.getAttributes().put(CallerFilter.ATTRIBUTE, caller);
		if (caller.tokenId() != null) {
			recheck.watch(session.getId(), caller.tokenId());
		}
		if (caller.expiresAt() != null) {
			sessions.closeLater(session.getId(), Duration.between(OffsetDateTime.now(), caller.expiresAt()), UNAUTHORIZED,
					"Credentials expired");
		}
		return Mono.empty();
	}

	private static String authorization(Map<String, Object> payload) {
		if (payload == null) {
			return null;
		}
		for (var entry : payload.entrySet()) {
			if (entry.getKey().equalsIgnoreCase("authorization") && entry.getValue() instanceof String value) {
				return value;
			}
		}
		return null;
	}
}

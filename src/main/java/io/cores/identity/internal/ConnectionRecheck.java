package io.cores.identity.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.cores.identity.TokenRevoked;
import io.cores.platform.graphql.WebSocketSessions;

/**
 * Revocation reaches open connections: a WebSocket authenticated with an API token is checked
 * once at connection_init, so every {@code cores.security.websocket-recheck} the tokens of all
 * open connections are checked again in one query, and a connection whose token is disabled,
 * deleted, expired or whose owner is deactivated is closed with 4401 — wherever that change
 * was made (another instance, SQL). A token revoked through this server closes its
 * connections at once, after the commit.
 */
@Component
class ConnectionRecheck {

	private static final Logger log = LoggerFactory.getLogger(ConnectionRecheck.class);
	private static final String REASON = "Token is no longer valid";

	/** Open token-authenticated connections: session id to token id. */
	private final Map<String, Long> watched = new ConcurrentHashMap<>();
	private final JdbcTemplate jdbc;
	private final WebSocketSessions sessions;
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		var thread = new Thread(r, "websocket-recheck");
		thread.setDaemon(true);
		return thread;
	});

	ConnectionRecheck(JdbcTemplate jdbc, WebSocketSessions sessions, SecurityProperties properties) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		long every = properties.websocketRecheck().toMillis();
		timer.scheduleWithFixedDelay(this::recheck, every, every, TimeUnit.MILLISECONDS);
	}

	void watch(String sessionId, long tokenId) {
		watched.put(sessionId, tokenId);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(TokenRevoked event) {
		watched.forEach((session, token) -> {
			if (token == event.tokenId()) {
				close(session);
			}
		});
	}

	void recheck() {
		try {
			watched.keySet().removeIf(session -> !sessions.isOpen(session));
			if (watched.isEmpty()) {
				return;
			}
			var valid = valid(Set.copyOf(watched.values()));
			watched.forEach((session, token) -> {
				if (!valid.contains(token)) {
					close(session);
				}
			});
		}
		catch (RuntimeException ex) {
			// a failed round (database away) must not end the schedule; the next one tries again
			log.warn("Could not re-check the tokens of open WebSocket connections", ex);
		}
	}

	/** Of these token ids, those that still authenticate. */
	private Set<Long> valid(Set<Long> tokenIds) {
		return new HashSet<>(jdbc.queryForList("""
				SELECT t.id FROM api_token t JOIN app_user u ON u.id = t.owner_id
				WHERE t.id = ANY(?::bigint[]) AND t.enabled AND u.active AND (t.expires_at IS NULL OR t.expires_at > now())""",
				Long.class, (Object) tokenIds.toArray(Long[]::new)));
	}

	private void close(String session) {
		watched.remove(session);
		sessions.close(session, CallerInterceptor.UNAUTHORIZED, REASON);
	}

	@PreDestroy
	void stop() {
		timer.shutdownNow();
	}
}

package io.cores.identity.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.cores.identity.Caller;
import io.cores.identity.TokenRevoked;
import io.cores.platform.audit.ObjectChanged;
import io.cores.platform.audit.ObjectsChanged;

/**
 * The callers authenticated in the last {@code cores.security.credential-cache} (default 5 s),
 * by the SHA-256 of their credential: a client's repeat requests within that window cost no
 * SQL and no JWT signature check (docs/security.md). A change to a token, agent, user or group
 * made through this instance empties it once committed, so revocation here is immediate; made
 * elsewhere (another instance, SQL) it takes effect within the window. An entry never outlives
 * its credential's expiry, and a refused credential is never kept, so it is checked afresh.
 */
@Component
class RecentCallers {

	/** The object types whose change can change what a credential grants. */
	private static final Set<String> IDENTITY_TYPES = Set.of("Token", "Agent", "User", "Group");

	/** The longest window allowed: trust is not meant to outlast a short burst of requests. */
	static final Duration LONGEST = Duration.ofMinutes(1);

	private final Cache<String, Caller> callers;

	RecentCallers(SecurityProperties properties) {
		this.callers = properties.credentialCache().isZero() ? null
				: Caffeine.newBuilder().expireAfterWrite(properties.credentialCache()).maximumSize(10_000).build();
	}

	/**
	 * The caller this credential authenticated recently, or the one {@code check} answers now.
	 * The key names the credential's kind and its hash ("token:…", "jwt:…"), so that one string
	 * sent under two schemes is checked as each.
	 */
	Caller get(String key, Supplier<Caller> check) {
		if (callers == null) {
			return check.get();
		}
		var caller = callers.getIfPresent(key);
		if (caller != null && !expired(caller)) {
			return caller;
		}
		caller = check.get();
		callers.put(key, caller);
		return caller;
	}

	private static boolean expired(Caller caller) {
		return caller.expiresAt() != null && !caller.expiresAt().isAfter(OffsetDateTime.now());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(TokenRevoked revoked) {
		forgetAll();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(ObjectChanged change) {
		if (IDENTITY_TYPES.contains(change.objectType())) {
			forgetAll();
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(ObjectsChanged changes) {
		if (changes.changes().stream().anyMatch(change -> IDENTITY_TYPES.contains(change.objectType()))) {
			forgetAll();
		}
	}

	private void forgetAll() {
		if (callers != null) {
			callers.invalidateAll();
		}
	}
}

package io.cores.identity.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

import io.cores.identity.Caller;
import io.cores.identity.Role;

/**
 * Turns an {@code Authorization} value into a {@link Caller}: {@code Token <key>} and
 * {@code Bearer <key>} for API tokens, {@code Bearer <jwt>} for people signed in at the
 * identity provider (when one is configured). No value means anonymous; a value that does not
 * check out is refused, never treated as anonymous. A credential that checked out is taken on
 * trust for a few seconds ({@link RecentCallers}).
 */
@Component
public class Authenticator {

	/** Last-used times are written at most this often, not on every request. */
	private static final long TOUCH_SECONDS = 60;

	private final JdbcTemplate jdbc;
	private final ObjectProvider<JwtDecoder> jwtDecoder;
	private final UserProvisioning provisioning;
	private final Memberships memberships;
	private final RecentCallers recent;

	Authenticator(JdbcTemplate jdbc, ObjectProvider<JwtDecoder> jwtDecoder, UserProvisioning provisioning,
			Memberships memberships, RecentCallers recent) {
		this.jdbc = jdbc;
		this.jwtDecoder = jwtDecoder;
		this.provisioning = provisioning;
		this.memberships = memberships;
		this.recent = recent;
	}

	public Caller authenticate(String authorization) {
		if (authorization == null || authorization.isBlank()) {
			return Caller.ANONYMOUS;
		}
		var value = authorization.trim();
		int space = value.indexOf(' ');
		if (space < 0) {
			throw new InvalidCredentials("Authorization must be 'Token <key>' or 'Bearer <key or JWT>'");
		}
		var scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
		var credential = value.substring(space + 1).trim();
		if (scheme.equals("token") || (scheme.equals("bearer") && credential.startsWith(TokenKeys.PREFIX))) {
			return token(credential);
		}
		if (scheme.equals("bearer")) {
			return looksLikeJwt(credential) ? jwt(credential) : token(credential);
		}
		throw new InvalidCredentials("Authorization must be 'Token <key>' or 'Bearer <key or JWT>'");
	}

	private Caller token(String key) {
		var hash = TokenKeys.hash(key);
		return recent.get("token:" + hash, () -> checkedToken(hash));
	}

	private Caller checkedToken(String hash) {
		// the token, its owner and the owner's memberships in one statement: every request pays for it
		var rows = jdbc.query("SELECT t.id, t.key_hash, t.role, t.read_only, t.enabled, t.expires_at, t.last_used_at,"
				+ " u.id AS user_id, u.username, u.role AS user_role, u.active, a.name AS agent, " + Memberships.COLUMNS
				+ " FROM api_token t JOIN app_user u ON u.id = t.owner_id LEFT JOIN agent a ON a.token_id = t.id "
				+ Memberships.JOINED + " WHERE t.key_hash = ?", (rs, i) -> new TokenRow(rs.getLong("id"), rs.getString("key_hash"),
				Role.valueOf(rs.getString("role")), rs.getBoolean("read_only"), rs.getBoolean("enabled"),
				rs.getObject("expires_at", OffsetDateTime.class), rs.getObject("last_used_at", OffsetDateTime.class),
				rs.getLong("user_id"), rs.getString("username"), Role.valueOf(rs.getString("user_role")),
				rs.getBoolean("active"), rs.getString("agent"), Memberships.membership(rs)), hash);
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		if (rows.isEmpty() || !TokenKeys.sameHash(rows.get(0).keyHash(), hash)) {
			throw new InvalidCredentials("Unknown token");
		}
		var row = rows.get(0);
		if (!row.enabled() || !row.userActive()) {
			throw new InvalidCredentials("Token is disabled");
		}
		if (row.expiresAt() != null && !row.expiresAt().isAfter(now)) {
			throw new InvalidCredentials("Token has expired");
		}
		if (row.lastUsedAt() == null || row.lastUsedAt().isBefore(now.minusSeconds(TOUCH_SECONDS))) {
			jdbc.update("UPDATE api_token SET last_used_at = now() WHERE id = ? AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => ?))",
					row.id(), TOUCH_SECONDS);
		}
		var standing = memberships.standing(row.userRole(),
				rows.stream().map(TokenRow::membership).filter(java.util.Objects::nonNull).toList());
		var ownerRole = standing.role();
		var role = row.role() == Role.AGENT ? Role.AGENT : ownerRole.includes(row.role()) ? row.role() : ownerRole;
		return new Caller(row.userId(), row.username(), role, standing.groupIds(), row.id(), row.readOnly(), row.agent(),
				row.expiresAt());
	}

	private Caller jwt(String token) {
		return recent.get("jwt:" + TokenKeys.hash(token), () -> checkedJwt(token));
	}

	private Caller checkedJwt(String token) {
		var decoder = jwtDecoder.getIfAvailable();
		if (decoder == null) {
			throw new InvalidCredentials("No identity provider is configured; use an API token");
		}
		try {
			return provisioning.callerFor(decoder.decode(token));
		}
		catch (JwtException ex) {
			throw new InvalidCredentials("Invalid JWT: " + ex.getMessage());
		}
	}

	private static boolean looksLikeJwt(String credential) {
		return credential.chars().filter(c -> c == '.').count() == 2;
	}

	private record TokenRow(long id, String keyHash, Role role, boolean readOnly, boolean enabled,
			OffsetDateTime expiresAt, OffsetDateTime lastUsedAt, long userId, String username, Role userRole,
			boolean userActive, String agent, Memberships.Membership membership) {
	}
}

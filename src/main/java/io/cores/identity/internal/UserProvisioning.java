package io.cores.identity.internal;

import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.cores.identity.Caller;
import io.cores.identity.Role;
import io.cores.identity.internal.Memberships.Membership;
import io.cores.identity.internal.Memberships.Source;

/**
 * Users from the identity provider. A JWT is linked to a user by its issuer and subject only:
 * the first sign-in creates the user, under the preferred username or, when another account
 * has that name, the first free "name-2", "name-3", ... — never the existing account. Later
 * sign-ins keep email, display name and the claim's group memberships in step; the username
 * and the user's own role belong to Cores and are not touched. Everything is read first and
 * only differences are written, so a repeat request with the same claims writes nothing.
 */
@Component
class UserProvisioning {

	/** Enough for any real clash of names; beyond it something is generating names on purpose. */
	private static final int MAX_SUFFIX = 100;

	private final JdbcTemplate jdbc;
	private final SecurityProperties properties;
	private final Memberships memberships;

	UserProvisioning(JdbcTemplate jdbc, SecurityProperties properties, Memberships memberships) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.memberships = memberships;
	}

	@Transactional
	public Caller callerFor(Jwt jwt) {
		var subject = jwt.getSubject();
		if (subject == null || subject.isBlank()) {
			throw new InvalidCredentials("The JWT has no subject");
		}
		var issuer = jwt.getClaimAsString(JwtClaimNames.ISS);
		var claims = new Claims(issuer == null ? "" : issuer, subject,
				firstNonBlank(jwt.getClaimAsString("preferred_username"), subject), jwt.getClaimAsString("email"),
				jwt.getClaimAsString("name"), groupNames(jwt));
		var user = find(claims.issuer(), subject);
		if (user == null) {
			user = create(claims);
		}
		if (!user.active()) {
			throw new InvalidCredentials("User " + user.username() + " is deactivated");
		}
		keepInStep(user, claims);
		var current = memberships.list(user.id());
		if (syncGroups(user.id(), current, claims.groups())) {
			current = memberships.list(user.id());
		}
		var standing = memberships.standing(user.role(), current);
		return new Caller(user.id(), user.username(), standing.role(), standing.groupIds(), null, false, null,
				jwt.getExpiresAt() == null ? null : jwt.getExpiresAt().atOffset(ZoneOffset.UTC));
	}

	/** The user linked to this issuer and subject, else one linked to the subject before issuers were recorded. */
	private UserRow find(String issuer, String subject) {
		var rows = jdbc.query("""
				SELECT id, username, email, display_name, role, active, issuer FROM app_user
				WHERE subject = ? AND (issuer = ? OR issuer IS NULL) ORDER BY issuer NULLS LAST LIMIT 1""",
				(rs, i) -> new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("email"),
						rs.getString("display_name"), Role.valueOf(rs.getString("role")),
						rs.getBoolean("active"), rs.getString("issuer")),
				subject, issuer);
		return rows.isEmpty() ? null : rows.get(0);
	}

	private UserRow create(Claims claims) {
		for (int n = 1; n <= MAX_SUFFIX; n++) {
			var username = n == 1 ? claims.username() : claims.username() + "-" + n;
			// a clash on the username tries the next name; a clash on issuer and subject is a racing first sign-in
			var created = jdbc.queryForList("""
					INSERT INTO app_user (username, email, display_name, issuer, subject) VALUES (?, ?, ?, ?, ?)
					ON CONFLICT DO NOTHING RETURNING id""", Long.class, username, claims.email(), claims.name(),
					claims.issuer(), claims.subject());
			if (!created.isEmpty()) {
				return new UserRow(created.get(0), username, claims.email(), claims.name(), Role.USER,
						true, claims.issuer());
			}
			var raced = find(claims.issuer(), claims.subject());
			if (raced != null) {
				return raced;
			}
		}
		throw new InvalidCredentials("No free username like " + claims.username() + " is left; ask an admin");
	}

	private void keepInStep(UserRow user, Claims claims) {
		if (claims.issuer().equals(user.issuer()) && equal(claims.email(), user.email()) && equal(claims.name(), user.displayName())) {
			return;
		}
		jdbc.update("UPDATE app_user SET email = ?, display_name = ?, issuer = ?, version = version + 1 WHERE id = ?",
				claims.email(), claims.name(), claims.issuer(), user.id());
	}

	/**
	 * Adds the claim's groups the user is not in yet and removes the memberships an earlier claim
	 * added that this one no longer lists; memberships granted in Cores stay. Returns whether
	 * anything was written.
	 */
	private boolean syncGroups(long userId, List<Membership> current, Set<String> claimed) {
		var missing = new LinkedHashSet<>(claimed);
		var stale = new HashSet<Long>();
		for (var membership : current) {
			missing.remove(membership.groupName());
			if (membership.source() == Source.CLAIM && !claimed.contains(membership.groupName())) {
				stale.add(membership.groupId());
			}
		}
		if (!missing.isEmpty()) {
			var names = missing.toArray(String[]::new);
			jdbc.update("""
					INSERT INTO user_group (name) SELECT n FROM unnest(?::text[]) n
					WHERE NOT EXISTS (SELECT 1 FROM user_group g WHERE g.name = n) ON CONFLICT (name) DO NOTHING""",
					(Object) names);
			jdbc.update("""
					INSERT INTO group_membership (user_id, group_id, source)
					SELECT ?, g.id, 'CLAIM' FROM user_group g WHERE g.name = ANY(?::text[]) ON CONFLICT DO NOTHING""",
					userId, names);
		}
		if (!stale.isEmpty()) {
			jdbc.update("DELETE FROM group_membership WHERE user_id = ? AND source = 'CLAIM' AND group_id = ANY(?::bigint[])",
					userId, stale.toArray(Long[]::new));
		}
		return !missing.isEmpty() || !stale.isEmpty();
	}

	/** Group names from the configured claim, exactly as the identity provider sends them. */
	private Set<String> groupNames(Jwt jwt) {
		var claim = jwt.getClaimAsStringList(properties.groupsClaim());
		if (claim == null) {
			return Set.of();
		}
		var names = new LinkedHashSet<String>();
		claim.stream().filter(g -> g != null && !g.isBlank()).forEach(names::add);
		return names;
	}

	private static boolean equal(String claim, String stored) {
		return claim == null ? stored == null : claim.equals(stored);
	}

	private static String firstNonBlank(String a, String b) {
		return a == null || a.isBlank() ? b : a;
	}

	private record Claims(String issuer, String subject, String username, String email, String name, Set<String> groups) {
	}

	private record UserRow(long id, String username, String email, String displayName, Role role,
			boolean active, String issuer) {
	}
}

package io.cores.identity.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.cores.identity.Caller;
import io.cores.identity.Role;

/**
 * Users from the identity provider: the first request with a JWT creates the user (matched by
 * the token's subject), later ones keep username, email, name, role and group memberships in
 * step with the claims. Rows are written only when something changed.
 */
@Component
class UserProvisioning {

	private final JdbcTemplate jdbc;
	private final SecurityProperties properties;

	UserProvisioning(JdbcTemplate jdbc, SecurityProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@Transactional
	public Caller callerFor(Jwt jwt) {
		var subject = jwt.getSubject();
		if (subject == null || subject.isBlank()) {
			throw new InvalidCredentials("The JWT has no subject");
		}
		var username = firstNonBlank(jwt.getClaimAsString("preferred_username"), subject);
		var email = jwt.getClaimAsString("email");
		var name = jwt.getClaimAsString("name");
		var groups = groupNames(jwt);
		var role = roleFor(groups);
		var ids = jdbc.queryForList("SELECT id FROM app_user WHERE subject = ?", Long.class, subject);
		long userId;
		if (ids.isEmpty()) {
			// an admin may have created the user already: the first sign-in claims it by username
			var created = jdbc.queryForList("""
					INSERT INTO app_user (username, email, display_name, subject, role) VALUES (?, ?, ?, ?, ?)
					ON CONFLICT (username) DO UPDATE SET subject = EXCLUDED.subject
					  WHERE app_user.subject IS NULL
					RETURNING id""", Long.class, username, email, name, subject, role.name());
			if (created.isEmpty()) {
				throw new InvalidCredentials("Username " + username + " belongs to another account");
			}
			userId = created.get(0);
		}
		else {
			userId = ids.get(0);
			jdbc.update("""
					UPDATE app_user SET username = ?, email = ?, display_name = ?, role = ?, version = version + 1
					WHERE id = ? AND (username, coalesce(email, ''), coalesce(display_name, ''), role)
					      IS DISTINCT FROM (?, coalesce(?, ''), coalesce(?, ''), ?)""",
					username, email, name, role.name(), userId, username, email, name, role.name());
		}
		var active = jdbc.queryForObject("SELECT active FROM app_user WHERE id = ?", Boolean.class, userId);
		if (!Boolean.TRUE.equals(active)) {
			throw new InvalidCredentials("User " + username + " is deactivated");
		}
		var groupIds = syncGroups(userId, groups);
		return new Caller(userId, username, role, groupIds, null, false, null,
				jwt.getExpiresAt() == null ? null : jwt.getExpiresAt().atOffset(java.time.ZoneOffset.UTC));
	}

	private Set<Long> syncGroups(long userId, List<String> names) {
		var ids = new HashSet<Long>();
		for (var name : names) {
			jdbc.update("INSERT INTO user_group (name) VALUES (?) ON CONFLICT (name) DO NOTHING", name);
			ids.add(jdbc.queryForObject("SELECT id FROM user_group WHERE name = ?", Long.class, name));
		}
		for (var id : ids) {
			jdbc.update("INSERT INTO group_membership (user_id, group_id) VALUES (?, ?) ON CONFLICT DO NOTHING", userId, id);
		}
		var stale = new ArrayList<>(jdbc.queryForList("SELECT group_id FROM group_membership WHERE user_id = ?", Long.class, userId));
		stale.removeAll(ids);
		for (var id : stale) {
			jdbc.update("DELETE FROM group_membership WHERE user_id = ? AND group_id = ?", userId, id);
		}
		return Set.copyOf(ids);
	}

	private Role roleFor(Collection<String> groups) {
		if (groups.stream().anyMatch(properties.adminGroups()::contains)) {
			return Role.ADMIN;
		}
		if (groups.stream().anyMatch(properties.staffGroups()::contains)) {
			return Role.STAFF;
		}
		return Role.USER;
	}

	/** Group names from the configured claim; Keycloak's full paths ("/lab/qa") keep their last part. */
	private List<String> groupNames(Jwt jwt) {
		var claim = jwt.getClaimAsStringList(properties.groupsClaim());
		if (claim == null) {
			return List.of();
		}
		return claim.stream().map(g -> g.substring(g.lastIndexOf('/') + 1)).filter(g -> !g.isBlank()).distinct().toList();
	}

	private static String firstNonBlank(String a, String b) {
		return a == null || a.isBlank() ? b : a;
	}
}

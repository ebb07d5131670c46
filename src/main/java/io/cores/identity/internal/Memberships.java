package io.cores.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.cores.identity.Role;

/**
 * A user's groups and the effective role they come to: the one rule for every way of signing
 * in. The effective role is the highest of the user's own role (set in Cores), the role each
 * of their groups has in Cores, and the role a group's exact name is configured to grant
 * ({@code cores.security.admin-groups}, {@code staff-groups}) — whether the membership came
 * from a JWT's groups claim or was granted in Cores.
 */
@Component
public class Memberships {

	/** Where a membership came from: the sign-in keeps CLAIM ones in step and leaves LOCAL ones alone. */
	public enum Source {
		CLAIM, LOCAL
	}

	public record Membership(long groupId, String groupName, Role groupRole, Source source) {
	}

	public record Standing(Role role, Set<Long> groupIds) {
	}

	private final JdbcTemplate jdbc;
	private final SecurityProperties properties;

	Memberships(JdbcTemplate jdbc, SecurityProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	public Standing of(long userId, Role ownRole) {
		return standing(ownRole, list(userId));
	}

	public List<Membership> list(long userId) {
		return jdbc.query("""
				SELECT g.id, g.name, g.role, m.source FROM group_membership m JOIN user_group g ON g.id = m.group_id
				WHERE m.user_id = ?""", (rs, i) -> new Membership(rs.getLong("id"), rs.getString("name"),
				rs.getString("role") == null ? null : Role.valueOf(rs.getString("role")), Source.valueOf(rs.getString("source"))),
				userId);
	}

	public Standing standing(Role ownRole, Collection<Membership> memberships) {
		var role = ownRole;
		for (var membership : memberships) {
			role = Role.highest(role, Role.highest(membership.groupRole(), properties.configuredRole(membership.groupName())));
		}
		return new Standing(role, memberships.stream().map(Membership::groupId).collect(Collectors.toUnmodifiableSet()));
	}
}

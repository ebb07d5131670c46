package io.cores.identity.internal;

import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.cores.identity.Role;

/** A user's groups and the role they come to with their own: the effective role. */
@Component
public class Memberships {

	public record Standing(Role role, Set<Long> groupIds) {
	}

	private final JdbcTemplate jdbc;

	Memberships(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Standing of(long userId, Role ownRole) {
		var groups = new HashSet<Long>();
		var role = ownRole;
		for (var group : jdbc.queryForList("""
				SELECT g.id, g.role FROM group_membership m JOIN user_group g ON g.id = m.group_id WHERE m.user_id = ?""",
				userId)) {
			groups.add(((Number) group.get("id")).longValue());
			if (group.get("role") != null) {
				role = Role.highest(role, Role.valueOf((String) group.get("role")));
			}
		}
		return new Standing(role, Set.copyOf(groups));
	}
}

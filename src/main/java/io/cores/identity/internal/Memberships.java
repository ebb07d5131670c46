package io.cores.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
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
		return jdbc.query("SELECT " + COLUMNS + " FROM app_user u " + JOINED + " WHERE u.id = ? AND g.id IS NOT NULL",
				(rs, i) -> membership(rs), userId);
	}

	/**
	 * The memberships of the user {@code u} as columns of a query that also reads other things
	 * of that user (the token look-up): one row per membership, or one with null group columns.
	 */
	static final String COLUMNS = "g.id AS group_id, g.name AS group_name, g.role AS group_role, m.source AS group_source";

	static final String JOINED = "LEFT JOIN group_membership m ON m.user_id = u.id LEFT JOIN user_group g ON g.id = m.group_id";

	/** The membership of a row of {@link #COLUMNS}, or null for a row of a user in no group. */
	static Membership membership(ResultSet rs) throws SQLException {
		if (rs.getObject("group_id") == null) {
			return null;
		}
		var role = rs.getString("group_role");
		return new Membership(rs.getLong("group_id"), rs.getString("group_name"), role == null ? null : Role.valueOf(role),
				Source.valueOf(rs.getString("group_source")));
	}

	public Standing standing(Role ownRole, Collection<Membership> memberships) {
		var role = ownRole;
		for (var membership : memberships) {
			role = Role.highest(role, Role.highest(membership.groupRole(), properties.configuredRole(membership.groupName())));
		}
		return new Standing(role, memberships.stream().map(Membership::groupId).collect(Collectors.toUnmodifiableSet()));
	}
}

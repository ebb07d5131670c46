package io.cores.identity;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cores.identity.internal.Memberships;
import io.cores.platform.audit.ObjectChanged;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.UserError;

/**
 * Adding users to groups and removing them, as admins do in Cores. Memberships granted here
 * are LOCAL: sign-in leaves them alone. A membership from the identity provider's groups
 * claim (CLAIM) is kept in step by each sign-in, so it is changed at the provider, not here.
 * Each change is one change-log record on the group, with its members before and after;
 * the effective role of the user follows at their next request.
 */
@Service
public class GroupMembers {

	/** A second membership of one user in one group; also what group_membership_key means to a racing writer. */
	public static final UserError ALREADY_MEMBER = UserError.of(UserError.Code.NOT_UNIQUE,
			"The user is a member of this group already", "input", "user");

	public record Changed(Group group, User user, List<UserError> errors) {

		static Changed refused(UserError error) {
			return new Changed(null, null, List.of(error));
		}
	}

	private final GroupRepository groups;
	private final UserRepository users;
	private final JdbcTemplate jdbc;
	private final ApplicationEventPublisher events;

	GroupMembers(GroupRepository groups, UserRepository users, JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.groups = groups;
		this.users = users;
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional
	public Changed add(Caller caller, String groupId, String userId) {
		var group = groups.findLockedById(GlobalId.decodeKey(groupId, "Group", "input.group")).orElse(null);
		var user = users.findById(GlobalId.decodeKey(userId, "User", "input.user")).orElse(null);
		var missing = missing(group, user);
		if (missing != null) {
			return Changed.refused(missing);
		}
		if (source(group, user) != null) {
			return Changed.refused(ALREADY_MEMBER);
		}
		var before = members(group);
		jdbc.update("INSERT INTO group_membership (user_id, group_id, source) VALUES (?, ?, ?)", user.getId(), group.getId(),
				Memberships.Source.LOCAL.name());
		logged(caller, group, before);
		return new Changed(group, user, List.of());
	}

	@Transactional
	public Changed remove(Caller caller, String groupId, String userId) {
		var group = groups.findLockedById(GlobalId.decodeKey(groupId, "Group", "input.group")).orElse(null);
		var user = users.findById(GlobalId.decodeKey(userId, "User", "input.user")).orElse(null);
		var missing = missing(group, user);
		if (missing != null) {
			return Changed.refused(missing);
		}
		var source = source(group, user);
		if (source == null) {
			return Changed.refused(UserError.of(UserError.Code.NOT_FOUND, "The user is not a member of this group", "input", "user"));
		}
		if (source == Memberships.Source.CLAIM) {
			return Changed.refused(UserError.of(UserError.Code.INVALID_STATE,
					"This membership comes from the identity provider's groups claim; change it there", "input", "user"));
		}
		var before = members(group);
		jdbc.update("DELETE FROM group_membership WHERE user_id = ? AND group_id = ?", user.getId(), group.getId());
		logged(caller, group, before);
		return new Changed(group, user, List.of());
	}

	private static UserError missing(Group group, User user) {
		if (group == null) {
			return UserError.of(UserError.Code.NOT_FOUND, "No such group", "input", "group");
		}
		if (user == null) {
			return UserError.of(UserError.Code.NOT_FOUND, "No such user", "input", "user");
		}
		return null;
	}

	private Memberships.Source source(Group group, User user) {
		var sources = jdbc.queryForList("SELECT source FROM group_membership WHERE user_id = ? AND group_id = ?", String.class,
				user.getId(), group.getId());
		return sources.isEmpty() ? null : Memberships.Source.valueOf(sources.get(0));
	}

	/** The group's members as global ids, in key order, as the change log keeps them. */
	private List<String> members(Group group) {
		return jdbc.queryForList("SELECT user_id FROM group_membership WHERE group_id = ? ORDER BY user_id", Long.class,
				group.getId()).stream().map(key -> GlobalId.encode("User", key)).toList();
	}

	private void logged(Caller caller, Group group, List<String> before) {
		events.publishEvent(new ObjectChanged("Group", group.getId(), "UPDATE", group.getName(), Map.of("members", before),
				Map.of("members", members(group)), caller.userId(), caller.username()));
	}
}

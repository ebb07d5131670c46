package io.cores.identity.graphql;

import java.util.List;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.cores.identity.Caller;
import io.cores.identity.Group;
import io.cores.identity.GroupMembers;
import io.cores.identity.User;
import io.cores.platform.graphql.UserError;

/** The membership mutations; the rules are in {@link GroupMembers}. */
@Controller
class GroupMemberController {

	record GroupMemberInput(String group, String user) {
	}

	record AddGroupMemberPayload(Group group, User user, List<UserError> errors) {
	}

	record RemoveGroupMemberPayload(Group group, User user, List<UserError> errors) {
	}

	private final GroupMembers members;

	GroupMemberController(GroupMembers members) {
		this.members = members;
	}

	@MutationMapping
	AddGroupMemberPayload addGroupMember(@Argument GroupMemberInput input, GraphQLContext context) {
		var changed = members.add(Caller.of(context), input.group(), input.user());
		return new AddGroupMemberPayload(changed.group(), changed.user(), changed.errors());
	}

	@MutationMapping
	RemoveGroupMemberPayload removeGroupMember(@Argument GroupMemberInput input, GraphQLContext context) {
		var changed = members.remove(Caller.of(context), input.group(), input.user());
		return new RemoveGroupMemberPayload(changed.group(), changed.user(), changed.errors());
	}
}

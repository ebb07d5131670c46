package io.cores.identity.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.identity.Access;
import io.cores.identity.Caller;
import io.cores.identity.Group;
import io.cores.identity.Role;
import io.cores.identity.User;
import io.cores.platform.graphql.UserError.Code;
import io.cores.platform.graphql.write.FieldRules;
import io.cores.platform.graphql.write.Write;
import io.cores.platform.graphql.write.WriteType;

/**
 * Users and groups are written by admins only (SPEC.md) through the generic write path. A
 * user's link to the identity provider (issuer, subject) is no field here: only sign-in sets
 * it. Memberships are {@code GroupMembers}' (addGroupMember, removeGroupMember).
 */
@Configuration(proxyBeanMethods = false)
class IdentityWrites {

	@Bean
	WriteType<User> userWrites() {
		return WriteType.of("User", User.class, () -> new User(null, Role.USER))
			.writtenBy(Access.role(Role.ADMIN))
			.required("username", String.class, User::getUsername, User::setUsername)
			.optional("email", String.class, User::getEmail, User::setEmail)
			.optional("displayName", String.class, User::getDisplayName, User::setDisplayName)
			.required("active", Boolean.class, User::isActive, User::setActive)
			.required("role", Role.class, User::getRole, User::setRole)
			.violation("app_user_username_key", Code.NOT_UNIQUE, "Another user has this username", "username")
			.rule(FieldRules.emailAddress("email", User::getEmail))
			.rule(IdentityWrites::noSelfLockout)
			.deleteRule(IdentityWrites::noSelfDeletion)
			.repr(User::getUsername);
	}

	@Bean
	WriteType<Group> groupWrites() {
		return WriteType.of("Group", Group.class, () -> new Group(null, null))
			.writtenBy(Access.role(Role.ADMIN))
			.required("name", String.class, Group::getName, Group::setName)
			.optional("role", Role.class, Group::getRole, Group::setRole)
			.violation("user_group_name_key", Code.NOT_UNIQUE, "Another group has this name", "name")
			.violation("user_group_role_check", Code.INVALID, "A group grants ADMIN, STAFF or USER", "role")
			.repr(Group::getName);
	}

	/**
	 * An admin may not deactivate or demote themself: another admin must. So whoever takes an
	 * admin's rights away is an admin who keeps theirs, and Cores is never left without one.
	 */
	static void noSelfLockout(User user, Write<User> write) {
		if (write.action() != Write.Action.UPDATE || !user.getId().equals(Caller.of(write.context()).userId())) {
			return;
		}
		if (write.gives("active") && !user.isActive()) {
			write.reject(Code.INVALID_STATE, "You cannot deactivate yourself; ask another admin", "active");
		}
		if (write.gives("role") && Role.ADMIN.name().equals(write.before().get("role")) && user.getRole() != Role.ADMIN) {
			write.reject(Code.INVALID_STATE, "You cannot take the ADMIN role from yourself; ask another admin", "role");
		}
	}

	static void noSelfDeletion(User user, Write<User> write) {
		if (user.getId().equals(Caller.of(write.context()).userId())) {
			write.reject(Code.INVALID_STATE, "You cannot delete yourself; ask another admin", "id");
		}
	}
}

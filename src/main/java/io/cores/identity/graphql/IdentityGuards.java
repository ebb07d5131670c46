package io.cores.identity.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.identity.Access;
import io.cores.identity.Caller;
import io.cores.identity.Role;
import io.cores.platform.graphql.access.AccessDenied;
import io.cores.platform.graphql.access.Guard;
import io.cores.platform.graphql.access.RestrictedField;

/**
 * The access rules of SPEC.md "Users, groups, roles" that concern every root field, and
 * those on identity's own fields. Other modules declare guards for their fields the same way.
 */
@Configuration(proxyBeanMethods = false)
class IdentityGuards {

	/** The one mutation an agent token may call. */
	static final String AGENT_FIELD = "Mutation.ingestScan";

	/**
	 * Anonymous callers and read-only tokens only read; an agent token may only ingest
	 * scans. Runs before every root field's own rule.
	 */
	@Bean
	Guard rootAccess() {
		return Guard.roots(env -> {
			var caller = Caller.of(env.getGraphQlContext());
			var operation = env.getExecutionStepInfo().getObjectType().getName();
			var field = operation + "." + env.getField().getName();
			if (caller.isAgent() && !field.equals(AGENT_FIELD)) {
				throw AccessDenied.forbidden("An agent token may only call ingestScan");
			}
			if (operation.equals("Mutation")) {
				if (caller.isAnonymous()) {
					throw AccessDenied.unauthenticated("Sign in to change anything");
				}
				if (caller.readOnly()) {
					throw AccessDenied.forbidden("This token is read-only");
				}
			}
		});
	}

	/** Tokens: any signed-in user for their own; whose token it is, TokenManagement checks. */
	@Bean
	Guard createTokenAccess() {
		return Guard.field("Mutation", "createToken", Access.own());
	}

	@Bean
	Guard disableTokenAccess() {
		return Guard.field("Mutation", "disableToken", Access.own());
	}

	@Bean
	Guard enableTokenAccess() {
		return Guard.field("Mutation", "enableToken", Access.own());
	}

	@Bean
	Guard deleteTokenAccess() {
		return Guard.field("Mutation", "deleteToken", Access.own());
	}

	@Bean
	Guard registerAgentAccess() {
		return Guard.field("Mutation", "registerAgent", Access.role(Role.ADMIN));
	}

	/** Memberships, like users and groups: admins only. */
	@Bean
	Guard addGroupMemberAccess() {
		return Guard.field("Mutation", "addGroupMember", Access.role(Role.ADMIN));
	}

	@Bean
	Guard removeGroupMemberAccess() {
		return Guard.field("Mutation", "removeGroupMember", Access.role(Role.ADMIN));
	}

	/** A user's email: to the user and to admins, on the field and in change-log snapshots. */
	@Bean
	RestrictedField userEmail() {
		return RestrictedField.of("User", "email", "the user themself and admins", (context, userId) -> {
			var caller = Caller.of(context);
			if (caller.isAnonymous()) {
				throw AccessDenied.unauthenticated("Sign in to see emails");
			}
			if (!caller.has(Role.ADMIN) && !Long.valueOf(userId).equals(caller.userId())) {
				throw AccessDenied.forbidden("Only admins see other users' emails");
			}
		});
	}
}

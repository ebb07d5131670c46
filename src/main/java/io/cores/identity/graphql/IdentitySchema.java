package io.cores.identity.graphql;

import io.cores.identity.Agent;
import io.cores.identity.Caller;
import io.cores.identity.Group;
import io.cores.identity.QAgent;
import io.cores.identity.QGroup;
import io.cores.identity.QGroupMembership;
import io.cores.identity.QToken;
import io.cores.identity.QUser;
import io.cores.identity.Role;
import io.cores.identity.Token;
import io.cores.identity.User;
import io.cores.platform.graphql.NodeType;
import io.cores.platform.graphql.Relation;
import io.cores.platform.graphql.ScalarKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The identity module's node types and relations (schema/identity.graphqls). A user's email
 * is readable but deliberately not filterable: filtering would let anyone probe for it.
 */
@Configuration(proxyBeanMethods = false)
class IdentitySchema {

	@Bean
	NodeType<User, QUser> userType() {
		return NodeType.of("User", User.class, QUser::new)
			.sortable("username", "USERNAME", ScalarKind.STRING, q -> q.username)
			.sortable("displayName", "DISPLAY_NAME", ScalarKind.STRING, q -> q.displayName)
			.scalar("active", ScalarKind.BOOLEAN, q -> q.active)
			.enumeration("role", Role.class, q -> q.role);
	}

	@Bean
	NodeType<Group, QGroup> groupType() {
		return NodeType.of("Group", Group.class, QGroup::new)
			.sortable("name", "NAME", ScalarKind.STRING, q -> q.name)
			.enumeration("role", Role.class, q -> q.role);
	}

	@Bean
	NodeType<Token, QToken> tokenType() {
		return NodeType.of("Token", Token.class, QToken::new)
			// a token is seen by its owner and by admins, by no one else on any path
			.visibleWhen((context, q) -> {
				var caller = Caller.of(context);
				if (caller.has(Role.ADMIN)) {
					return null;
				}
				return caller.isAnonymous() ? q.id.isNull() : q.ownerId.eq(caller.userId());
			})
			.sortable("keyPrefix", "KEY_PREFIX", ScalarKind.STRING, q -> q.keyPrefix)
			.scalar("comment", ScalarKind.STRING, q -> q.comment)
			.scalar("enabled", ScalarKind.BOOLEAN, q -> q.enabled)
			.scalar("readOnly", ScalarKind.BOOLEAN, q -> q.readOnly)
			.enumeration("role", Role.class, q -> q.role)
			.sortable("expiresAt", "EXPIRES_AT", ScalarKind.DATE_TIME, q -> q.expiresAt)
			.sortable("lastUsedAt", "LAST_USED_AT", ScalarKind.DATE_TIME, q -> q.lastUsedAt);
	}

	@Bean
	NodeType<Agent, QAgent> agentType() {
		return NodeType.of("Agent", Agent.class, QAgent::new)
			.sortable("name", "NAME", ScalarKind.STRING, q -> q.name)
			.sortable("registeredAt", "REGISTERED_AT", ScalarKind.DATE_TIME, q -> q.registeredAt)
			.sortable("lastSeenAt", "LAST_SEEN_AT", ScalarKind.DATE_TIME, q -> q.lastSeenAt);
	}

	@Bean
	Relation userGroupsRelation() {
		return Relation.link("User", "groups", "Group", QGroupMembership::new, (QGroupMembership m) -> m.userId,
				m -> m.groupId, null);
	}

	@Bean
	Relation groupMembersRelation() {
		return Relation.link("Group", "members", "User", QGroupMembership::new, (QGroupMembership m) -> m.groupId,
				m -> m.userId, null);
	}

	@Bean
	Relation userTokensRelation() {
		return Relation.many("User", "tokens", "Token", (QToken t) -> t.ownerId);
	}

	@Bean
	Relation tokenOwnerRelation() {
		return Relation.toOne("Token", "owner", "User", Token::getOwnerId, (QToken t) -> t.ownerId);
	}

	@Bean
	Relation tokenAgentRelation() {
		return Relation.back("Token", "agent", "Agent", (QAgent a) -> a.tokenId);
	}

	@Bean
	Relation agentTokenRelation() {
		return Relation.toOne("Agent", "token", "Token", Agent::getTokenId, (QAgent a) -> a.tokenId);
	}
}

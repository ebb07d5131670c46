package io.cores.identity;

import java.time.OffsetDateTime;
import java.util.Set;

import graphql.GraphQLContext;
import jakarta.servlet.ServletRequest;

/**
 * Who is making a request, resolved once per request (HTTP) or connection (WebSocket) and
 * carried in the GraphQL context. Anonymous callers have no user and may only read.
 *
 * @param role the effective role: the user's own or its groups' highest, capped by the token's
 * @param readOnly a token that may not write, whatever its role
 * @param agent for an AGENT token, the name of the agent it belongs to
 * @param expiresAt when the credentials stop being valid, if they do
 */
public record Caller(Long userId, String username, Role role, Set<Long> groupIds, Long tokenId, boolean readOnly,
		String agent, OffsetDateTime expiresAt) {

	public static final Caller ANONYMOUS = new Caller(null, null, null, Set.of(), null, true, null, null);

	public boolean isAnonymous() {
		return userId == null;
	}

	public boolean has(Role needed) {
		return role != null && role.includes(needed);
	}

	public boolean isAgent() {
		return role == Role.AGENT;
	}

	/** The caller of the request a GraphQL context belongs to; anonymous when none was set. */
	public static Caller of(GraphQLContext context) {
		Caller caller = context == null ? null : context.get(Caller.class);
		return caller == null ? ANONYMOUS : caller;
	}

	/** The caller of an HTTP request, for filters after authentication; anonymous before it or when none. */
	public static Caller of(ServletRequest request) {
		return request.getAttribute(Caller.class.getName()) instanceof Caller caller ? caller : ANONYMOUS;
	}
}

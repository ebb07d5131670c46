package io.cores.identity;

import io.cores.platform.graphql.access.AccessDenied;
import io.cores.platform.graphql.access.Guard;

/**
 * The role checks other modules' guards use: {@code Guard.field("ScanSession", "rawResults",
 * Access.role(Role.ADMIN))}. Anonymous callers are refused as UNAUTHORIZED, known callers
 * without the role as FORBIDDEN.
 */
public final class Access {

	private Access() {
	}

	public static Guard.Check role(Role needed) {
		return env -> require(Caller.of(env.getGraphQlContext()), needed);
	}

	public static void require(Caller caller, Role needed) {
		if (caller.isAnonymous()) {
			throw AccessDenied.unauthenticated("Sign in to use this");
		}
		if (!caller.has(needed)) {
			throw AccessDenied.forbidden("This needs the " + needed + " role");
		}
	}
}

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

	/** The role or any above it; the schema states it as the role's name ("any signed-in user" for USER). */
	public static Guard.Check role(Role needed) {
		return Guard.Check.of(needed == Role.USER ? "any signed-in user" : needed.name(),
				env -> require(Caller.of(env.getGraphQlContext()), needed));
	}

	/**
	 * Any signed-in user, on what is their own: the module's management decides whose an object
	 * is, and whom it lets act for others (staff on holds, admins on tokens).
	 */
	public static Guard.Check own() {
		return Guard.Check.of("any signed-in user (their own)", role(Role.USER));
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

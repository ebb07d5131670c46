package io.cores.platform.audit;

import graphql.GraphQLContext;

/** Who a change is recorded as made by: a user's id and name, or nobody (the system). */
public record Actor(Long id, String name) {

	public static final Actor SYSTEM = new Actor(null, null);

	/** Finds the actor of a request; the identity module provides it, so the platform needs no user type. */
	@FunctionalInterface
	public interface Lookup {
		Actor of(GraphQLContext context);
	}
}

package io.cores.identity.internal;

import graphql.GraphQLContext;
import org.springframework.stereotype.Component;

import io.cores.identity.Caller;
import io.cores.platform.graphql.access.AccessScope;

/** A request's access scope is its caller: who, with which role, groups and token. */
@Component
class CallerScope implements AccessScope {

	@Override
	public Object of(GraphQLContext context) {
		return Caller.of(context);
	}
}

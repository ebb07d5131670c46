package io.cores.identity.internal;

import graphql.GraphQLContext;
import org.springframework.stereotype.Component;

import io.cores.identity.Caller;
import io.cores.platform.audit.Actor;

/** The change log records the request's caller as the actor of what the generic writes change. */
@Component
class CallerActor implements Actor.Lookup {

	@Override
	public Actor of(GraphQLContext context) {
		var caller = Caller.of(context);
		return caller.isAnonymous() ? Actor.SYSTEM : new Actor(caller.userId(), caller.username());
	}
}

package io.cores.identity.graphql;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.cores.identity.Caller;
import io.cores.identity.Role;
import io.cores.identity.User;
import io.cores.identity.UserRepository;

/** Identity's root fields beyond the generic read path. */
@Controller
class IdentityController {

	private final UserRepository users;

	IdentityController(UserRepository users) {
		this.users = users;
	}

	/** The caller; null when anonymous. */
	@QueryMapping
	User me(GraphQLContext context) {
		var caller = Caller.of(context);
		return caller.isAnonymous() ? null : users.findById(caller.userId()).orElse(null);
	}

	/** What the caller may do, as every rule sees it (Memberships); null when anonymous. */
	@QueryMapping
	Role myRole(GraphQLContext context) {
		var caller = Caller.of(context);
		return caller.isAnonymous() ? null : caller.role();
	}
}

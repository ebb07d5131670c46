package io.cores.identity.graphql;

import io.cores.identity.User;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Identity's root fields beyond the generic read path. */
@Controller
class IdentityController {

	/**
	 * The caller. Requests carry no principal until authentication is wired in, so every
	 * caller is anonymous and this is null.
	 */
	@QueryMapping
	User me() {
		return null;
	}
}

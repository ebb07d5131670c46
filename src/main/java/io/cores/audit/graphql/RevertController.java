package io.cores.audit.graphql;

import java.util.List;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.cores.audit.ObjectChange;
import io.cores.audit.Reverts;
import io.cores.platform.graphql.ConnectionQueries;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.NodeTypes;
import io.cores.platform.graphql.UserError;

/** {@code revertChange}: the change must be one the caller can see, of a type the caller may write. */
@Controller
class RevertController {

	record RevertChangeInput(String id) {
	}

	record RevertChangePayload(Object node, List<UserError> errors) {
	}

	private final Reverts reverts;
	private final ConnectionQueries queries;
	private final NodeTypes types;

	RevertController(Reverts reverts, ConnectionQueries queries, NodeTypes types) {
		this.reverts = reverts;
		this.queries = queries;
		this.types = types;
	}

	@MutationMapping
	RevertChangePayload revertChange(@Argument RevertChangeInput input, GraphQLContext context, DataFetchingEnvironment env) {
		long key = GlobalId.decodeKey(input.id(), "ObjectChange", "input.id");
		var change = (ObjectChange) queries.byIds(types.get("ObjectChange"), List.of(key), context).get(key);
		if (change == null) {
			return new RevertChangePayload(null, List.of(UserError.of(UserError.Code.NOT_FOUND, "No such change", "input", "id")));
		}
		var type = reverts.typeOf(change);
		if (type != null) {
			// the writers of the object's type, as for writing it directly
			type.writers().check(env);
		}
		var outcome = reverts.revert(change, context);
		return new RevertChangePayload(outcome.object(), outcome.errors());
	}
}

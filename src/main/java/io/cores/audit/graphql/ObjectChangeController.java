package io.cores.audit.graphql;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.cores.audit.ObjectChange;
import io.cores.platform.graphql.access.RestrictedFields;

/**
 * A change's snapshots show the caller what the object's own fields would: a restricted field
 * (an email, a raw scan) the caller may not read is left out of {@code dataBefore} and
 * {@code dataAfter}, by the same rule that guards the field.
 */
@Controller
class ObjectChangeController {

	private final RestrictedFields restricted;

	ObjectChangeController(RestrictedFields restricted) {
		this.restricted = restricted;
	}

	@SchemaMapping(typeName = "ObjectChange")
	Object dataBefore(ObjectChange change, GraphQLContext context) {
		return restricted.redact(change.getObjectType(), change.getObjectKey(), change.getDataBefore(), context);
	}

	@SchemaMapping(typeName = "ObjectChange")
	Object dataAfter(ObjectChange change, GraphQLContext context) {
		return restricted.redact(change.getObjectType(), change.getObjectKey(), change.getDataAfter(), context);
	}
}

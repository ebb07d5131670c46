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

	/** Read from the snapshots the caller may see, so a hidden field's change is not named either. */
	@SchemaMapping(typeName = "ObjectChange")
	java.util.List<String> changedFields(ObjectChange change, GraphQLContext context) {
		var before = dataBefore(change, context) instanceof java.util.Map<?, ?> map ? map : java.util.Map.of();
		var after = dataAfter(change, context) instanceof java.util.Map<?, ?> map ? map : java.util.Map.of();
		var fields = new java.util.TreeSet<String>();
		before.keySet().forEach(key -> fields.add((String) key));
		after.keySet().forEach(key -> fields.add((String) key));
		fields.removeIf(field -> change.getDataBefore() != null && change.getDataAfter() != null
				&& java.util.Objects.equals(before.get(field), after.get(field)));
		if (change.getDataBefore() == null) {
			fields.removeIf(field -> after.get(field) == null);
		}
		return java.util.List.copyOf(fields);
	}

	@SchemaMapping(typeName = "ObjectChange")
	Object dataAfter(ObjectChange change, GraphQLContext context) {
		return restricted.redact(change.getObjectType(), change.getObjectKey(), change.getDataAfter(), context);
	}
}

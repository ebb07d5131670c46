package io.cores.platform.graphql.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.language.Description;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.TypeDefinitionConfigurer;
import org.springframework.stereotype.Component;

import io.cores.platform.graphql.NodeTypes;

/**
 * All declared {@link RestrictedField}s. Besides the guards ({@link Guards}), they redact
 * snapshots of an object's data (the change log's before and after) for the caller, and they
 * write who may read each field into the schema's description of it. At start-up a restricted
 * field that is filterable or sortable, or that the schema does not have, stops the server:
 * a filter on it would tell its value without reading it.
 */
@Component
public class RestrictedFields implements TypeDefinitionConfigurer {

	private final Map<String, List<RestrictedField>> byType = new LinkedHashMap<>();

	RestrictedFields(ObjectProvider<RestrictedField> declarations, NodeTypes types) {
		for (var field : declarations.orderedStream().toList()) {
			var type = types.get(field.type());
			if (type.filters().containsKey(field.field())
					|| type.orders().containsKey(field.field().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase())) {
				throw new IllegalStateException(field.type() + "." + field.field()
						+ " is restricted and so may not be filtered or sorted on");
			}
			byType.computeIfAbsent(field.type(), t -> new ArrayList<>()).add(field);
		}
	}

	public List<RestrictedField> all() {
		return byType.values().stream().flatMap(List::stream).toList();
	}

	/**
	 * A snapshot of an object's data (keyed by field name, as the change log keeps it) without
	 * the fields the caller may not read; those are left out, not nulled, so nothing reads as
	 * "was empty".
	 */
	@SuppressWarnings("unchecked")
	public Object redact(String type, long objectKey, Object snapshot, GraphQLContext context) {
		var restricted = byType.get(type);
		if (restricted == null || !(snapshot instanceof Map<?, ?> data)) {
			return snapshot;
		}
		var shown = new LinkedHashMap<>((Map<String, Object>) data);
		for (var field : restricted) {
			if (shown.containsKey(field.field()) && !field.readable(context, objectKey)) {
				shown.remove(field.field());
			}
		}
		return shown;
	}

	@Override
	public void configure(TypeDefinitionRegistry registry) {
		for (var fields : byType.values()) {
			for (var restricted : fields) {
				var type = registry.getType(restricted.type(), ObjectTypeDefinition.class)
					.orElseThrow(() -> new IllegalStateException("No schema type " + restricted.type()));
				var changed = new ArrayList<FieldDefinition>();
				boolean found = false;
				for (var field : type.getFieldDefinitions()) {
					if (field.getName().equals(restricted.field())) {
						found = true;
						var text = field.getDescription() == null ? "" : field.getDescription().getContent() + " ";
						field = field.transform(f -> f.description(new Description(text + restricted.description(), null, false)));
					}
					changed.add(field);
				}
				if (!found) {
					throw new IllegalStateException("The schema has no field " + restricted.type() + "." + restricted.field());
				}
				registry.remove(type);
				registry.add(type.transform(t -> t.fieldDefinitions(changed)));
			}
		}
	}
}

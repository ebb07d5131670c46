package io.cores.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The served schema as introspection shows it to a client, for tests generated from it:
 * types by name, and the questions those tests ask of them.
 */
@SuppressWarnings("unchecked")
public final class SchemaIntrospection {

	/** The sentence a restricted field's description carries (RestrictedField.description()). */
	public static final String RESTRICTED = "Readable only by ";

	/** What the last line of every mutation's description starts with (WritersInSchema). */
	public static final String WRITERS = "Writers: ";

	private static final String TYPE_REF = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";

	private final Map<String, Map<String, Object>> types = new LinkedHashMap<>();

	public SchemaIntrospection(GraphQlTester tester) {
		var schema = tester.document("{ __schema { types { name kind description interfaces { name } enumValues { name }"
				+ " inputFields { name type { " + TYPE_REF + " } }"
				+ " fields { name description args { name type { " + TYPE_REF + " } } type { " + TYPE_REF + " } } } } }")
			.execute().path("__schema.types").entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
		schema.forEach(t -> types.put((String) t.get("name"), t));
	}

	public Map<String, Map<String, Object>> types() {
		return types;
	}

	public Map<String, Object> type(String name) {
		return types.get(name);
	}

	public List<Map<String, Object>> fields(String type) {
		var fields = (List<Map<String, Object>>) types.get(type).get("fields");
		return fields == null ? List.of() : fields;
	}

	public boolean hasField(String type, String field) {
		return fields(type).stream().anyMatch(f -> field.equals(f.get("name")));
	}

	/** "Type.field" of every field whose description says who alone may read it. */
	public List<String> restrictedFields() {
		var restricted = new ArrayList<String>();
		for (var type : types.values()) {
			for (var field : fields((String) type.get("name"))) {
				var description = (String) field.get("description");
				if (description != null && description.contains(RESTRICTED)) {
					restricted.add(type.get("name") + "." + field.get("name"));
				}
			}
		}
		return restricted;
	}

	/** Who the description of a restricted "Type.field" says may read it ("admins", "staff and admins"). */
	public String readableBy(String coordinates) {
		var type = coordinates.substring(0, coordinates.indexOf('.'));
		var field = coordinates.substring(coordinates.indexOf('.') + 1);
		var description = (String) fields(type).stream().filter(f -> field.equals(f.get("name"))).findFirst().orElseThrow()
			.get("description");
		var start = description.indexOf(RESTRICTED) + RESTRICTED.length();
		return description.substring(start, description.indexOf('.', start));
	}

	/**
	 * Who may call each mutation, as the last line of its description states it
	 * ({@code Writers: STAFF}): the text after {@link #WRITERS}, or null where it is missing.
	 */
	public Map<String, String> writers() {
		var writers = new LinkedHashMap<String, String>();
		for (var mutation : fields("Mutation")) {
			var description = (String) mutation.get("description");
			var lines = description == null ? new String[] { "" } : description.split("\n");
			var last = lines[lines.length - 1];
			writers.put((String) mutation.get("name"), last.startsWith(WRITERS) ? last.substring(WRITERS.length()) : null);
		}
		return writers;
	}

	/** "Type.field" of every field of a Node type that returns the type or a connection of it. */
	public List<String> nodeFieldsReturning(String typeName) {
		var found = new ArrayList<String>();
		for (var type : types.values()) {
			var interfaces = (List<Map<String, Object>>) type.get("interfaces");
			if (interfaces == null || interfaces.stream().noneMatch(i -> "Node".equals(i.get("name")))) {
				continue;
			}
			for (var field : fields((String) type.get("name"))) {
				var returns = unwrap((Map<String, Object>) field.get("type"));
				if (returns.equals(typeName) || returns.equals(typeName + "Connection")) {
					found.add(type.get("name") + "." + field.get("name"));
				}
			}
		}
		return found;
	}

	/** The fields of {@code <Type>Filter}. */
	public List<String> filterFields(String type) {
		var filter = types.get(type + "Filter");
		return filter == null ? List.of()
				: ((List<Map<String, Object>>) filter.get("inputFields")).stream().map(f -> (String) f.get("name")).toList();
	}

	/** The values of {@code <Type>OrderField}. */
	public List<String> orderFields(String type) {
		var order = types.get(type + "OrderField");
		return order == null ? List.of()
				: ((List<Map<String, Object>>) order.get("enumValues")).stream().map(v -> (String) v.get("name")).toList();
	}

	/** The named type under any NON_NULL and LIST wrappers. */
	public static String unwrap(Map<String, Object> type) {
		while (type.get("name") == null) {
			type = (Map<String, Object>) type.get("ofType");
		}
		return (String) type.get("name");
	}
}

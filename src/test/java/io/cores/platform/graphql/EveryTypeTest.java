package io.cores.platform.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.ParameterizedTypeReference;

import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated from the served schema: for every root connection, selects every field of its
 * type that takes no required argument (nested objects by id, nested connections by count)
 * over the demo data the test profile loads, and reads the first object back through its
 * typed root field and through {@code node}. A type added to the schema is covered at once.
 */
@SuppressWarnings("unchecked")
class EveryTypeTest extends ApiTest {

	private static final String INTROSPECTION = """
			{ __schema {
			    queryType { name }
			    types { name kind
			      interfaces { name }
			      fields { name
			        args { name type { kind } }
			        type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }""";

	private Map<String, Map<String, Object>> types;

	@TestFactory
	Stream<DynamicTest> everyRootConnectionReadsEveryField() {
		var schema = schema();
		var queryType = (String) ((Map<String, Object>) schema.get("queryType")).get("name");
		var queryFields = (List<Map<String, Object>>) types.get(queryType).get("fields");
		var tests = new ArrayList<DynamicTest>();
		for (var field : queryFields) {
			var type = named(field.get("type"));
			if (type.endsWith("Connection")) {
				var nodeType = type.substring(0, type.length() - "Connection".length());
				tests.add(DynamicTest.dynamicTest((String) field.get("name"),
						() -> readsEveryField((String) field.get("name"), nodeType)));
			}
		}
		assertThat(tests).hasSizeGreaterThan(25);
		return tests.stream();
	}

	private void readsEveryField(String rootField, String nodeType) {
		var query = "{ " + rootField + "(first: 3) { totalCount nodes { " + selection(nodeType, 0) + " } } }";
		var response = asAdmin().document(query).execute();
		response.errors().verify();
		var nodes = response.path(rootField + ".nodes").entityList(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
		assertThat(nodes).as("demo data has %s rows", nodeType).isNotEmpty();
		var id = (String) nodes.get(0).get("id");
		var singular = Character.toLowerCase(nodeType.charAt(0)) + nodeType.substring(1);
		asAdmin().document("query($id: ID!) { one: " + singular + "(id: $id) { id } any: node(id: $id) { id } }")
			.variable("id", id)
			.execute()
			.path("one.id").entity(String.class).isEqualTo(id)
			.path("any.id").entity(String.class).isEqualTo(id);
	}

	/** Every field without required arguments; nodes by id, connections by count, other objects in full. */
	private String selection(String typeName, int depth) {
		var type = types.get(typeName);
		var fields = new ArrayList<String>();
		for (var field : (List<Map<String, Object>>) type.get("fields")) {
			var args = (List<Map<String, Object>>) field.get("args");
			if (args.stream().anyMatch(a -> "NON_NULL".equals(((Map<String, Object>) a.get("type")).get("kind")))) {
				continue;
			}
			var name = (String) field.get("name");
			var target = types.get(named(field.get("type")));
			var kind = (String) target.get("kind");
			if (kind.equals("SCALAR") || kind.equals("ENUM")) {
				fields.add(name);
			}
			else if (((String) target.get("name")).endsWith("Connection")) {
				fields.add(name + " { totalCount nodes { id } }");
			}
			else if (isNode(target)) {
				fields.add(name + " { id }");
			}
			else if (depth < 2) {
				fields.add(name + " { " + selection((String) target.get("name"), depth + 1) + " }");
			}
		}
		return String.join(" ", fields);
	}

	private boolean isNode(Map<String, Object> type) {
		if ("Node".equals(type.get("name"))) {
			return true;
		}
		var interfaces = (List<Map<String, Object>>) type.get("interfaces");
		return interfaces != null && interfaces.stream().anyMatch(i -> "Node".equals(i.get("name")));
	}

	private static String named(Object typeRef) {
		var type = (Map<String, Object>) typeRef;
		while (type.get("name") == null) {
			type = (Map<String, Object>) type.get("ofType");
		}
		return (String) type.get("name");
	}

	private Map<String, Object> schema() {
		var schema = asAdmin().document(INTROSPECTION).execute().path("__schema")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
		types = new java.util.HashMap<>();
		for (var type : (List<Map<String, Object>>) schema.get("types")) {
			types.put((String) type.get("name"), type);
		}
		return schema;
	}
}

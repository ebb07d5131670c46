package io.cores.platform.graphql.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.cores.support.ApiTest;
import io.cores.support.SchemaIntrospection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conventions the admin UI is generated from, checked on the introspected schema for
 * every type that has a {@code createX}, {@code updateX} or {@code deleteX} mutation, whether
 * the generic write path serves it or a hand-written service does: a single {@code input}
 * argument of the type {@code <Verb>XInput}, update and delete naming {@code id: ID!} and
 * {@code version: Int!}, a payload with the object in a field named after its type (or
 * {@code deletedId}) and {@code errors: [UserError!]!}, relations given as global ids under the
 * relation's name, and derived fields never inputs.
 */
@SuppressWarnings("unchecked")
class MutationConventionsTest extends ApiTest {

	/** Fields the server derives or keeps itself: never written by clients. */
	private static final Set<String> DERIVED = Set.of("id", "createdAt", "updatedAt", "version", "ip", "lastSeen", "changes",
			"journal");

	/** Fields of the same name that are the recorded value others derive from, not derived themselves. */
	private static final Set<String> RECORDED = Set.of("Nic.ip");

	@TestFactory
	Stream<DynamicTest> everyWriteFollowsTheConventions() {
		var schema = new SchemaIntrospection(asAdmin());
		var tests = new ArrayList<DynamicTest>();
		for (var mutation : schema.fields("Mutation")) {
			var name = (String) mutation.get("name");
			for (var verb : List.of("create", "update", "delete")) {
				if (name.startsWith(verb) && Character.isUpperCase(name.charAt(verb.length()))) {
					var type = name.substring(verb.length());
					if (schema.type(type) != null && implementsNode(schema, type)) {
						tests.add(DynamicTest.dynamicTest(name, () -> conventional(schema, mutation, verb, type)));
					}
				}
			}
		}
		assertThat(tests).hasSizeGreaterThan(20);
		return tests.stream();
	}

	/**
	 * Every bulk mutation, generic or hand-written ({@code bulkResolveScanConflict}), has the
	 * generic ones' shape: its input names the objects as {@code items: [VersionedId!]!}, and
	 * its payload has {@code errors: [UserError!]!} beside the objects written (a list of nodes)
	 * or {@code deletedIds}.
	 */
	@TestFactory
	Stream<DynamicTest> everyBulkWriteFollowsTheConventions() {
		var schema = new SchemaIntrospection(asAdmin());
		var tests = new ArrayList<DynamicTest>();
		for (var mutation : schema.fields("Mutation")) {
			var name = (String) mutation.get("name");
			if (name.startsWith("bulk") && Character.isUpperCase(name.charAt(4))) {
				tests.add(DynamicTest.dynamicTest(name, () -> {
					var args = (List<Map<String, Object>>) mutation.get("args");
					assertThat(args).extracting(a -> a.get("name")).containsExactly("input");
					var input = inputFields(schema, SchemaIntrospection.unwrap((Map<String, Object>) args.get(0).get("type")));
					assertThat(input).containsEntry("items", "[VersionedId!]!");
					var payload = outputFields(schema, SchemaIntrospection.unwrap((Map<String, Object>) mutation.get("type")));
					assertThat(payload).containsEntry("errors", "[UserError!]!").hasSize(2);
					payload.remove("errors");
					var written = payload.entrySet().iterator().next();
					if (!written.getKey().equals("deletedIds")) {
						assertThat(written.getValue()).as(name + " answers the objects written").matches("\\[\\w+!\\]");
						assertThat(isNode(schema, written.getValue().replaceAll("[\\[\\]!]", ""))).isTrue();
					}
				}));
			}
		}
		assertThat(tests).extracting(DynamicTest::getDisplayName).contains("bulkUpdateHost", "bulkResolveScanConflict");
		return tests.stream();
	}

	private void conventional(SchemaIntrospection schema, Map<String, Object> mutation, String verb, String type) {
		var capitalised = Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
		var args = (List<Map<String, Object>>) mutation.get("args");
		assertThat(args).extracting(a -> a.get("name")).containsExactly("input");
		var argType = (Map<String, Object>) args.get(0).get("type");
		assertThat(argType.get("kind")).as("input is required").isEqualTo("NON_NULL");
		assertThat(SchemaIntrospection.unwrap(argType)).isEqualTo(capitalised + type + "Input");
		var input = inputFields(schema, capitalised + type + "Input");
		if (!verb.equals("create")) {
			assertThat(input).as("update and delete name the object and the version read")
				.containsEntry("id", "ID!").containsEntry("version", "Int!");
		}
		var payload = SchemaIntrospection.unwrap((Map<String, Object>) mutation.get("type"));
		var payloadFields = outputFields(schema, payload);
		assertThat(payloadFields).containsEntry("errors", "[UserError!]!");
		if (verb.equals("delete")) {
			assertThat(payloadFields).containsEntry("deletedId", "ID");
		}
		else {
			assertThat(payloadFields).containsEntry(Character.toLowerCase(type.charAt(0)) + type.substring(1), type);
		}
		var objectFields = outputFields(schema, type);
		for (var field : input.entrySet()) {
			if (field.getKey().equals("id") || field.getKey().equals("version")) {
				continue;
			}
			if (!RECORDED.contains(type + "." + field.getKey())) {
				assertThat(DERIVED).as(type + "." + field.getKey() + " is derived, never an input").doesNotContain(field.getKey());
			}
			var shown = objectFields.get(field.getKey());
			if (shown != null && isNode(schema, shown.replace("!", ""))) {
				assertThat(field.getValue()).as(type + "." + field.getKey() + " is a relation: given as a global id")
					.isIn("ID", "ID!");
			}
		}
	}

	private static boolean implementsNode(SchemaIntrospection schema, String type) {
		var interfaces = (List<Map<String, Object>>) schema.type(type).get("interfaces");
		return interfaces != null && interfaces.stream().anyMatch(i -> "Node".equals(i.get("name")));
	}

	private static boolean isNode(SchemaIntrospection schema, String type) {
		return schema.type(type) != null && (implementsNode(schema, type) || "Node".equals(type));
	}

	private static Map<String, String> inputFields(SchemaIntrospection schema, String type) {
		var fields = new java.util.LinkedHashMap<String, String>();
		for (var field : (List<Map<String, Object>>) schema.type(type).get("inputFields")) {
			fields.put((String) field.get("name"), notation((Map<String, Object>) field.get("type")));
		}
		return fields;
	}

	private static Map<String, String> outputFields(SchemaIntrospection schema, String type) {
		var fields = new java.util.LinkedHashMap<String, String>();
		for (var field : schema.fields(type)) {
			fields.put((String) field.get("name"), notation((Map<String, Object>) field.get("type")));
		}
		return fields;
	}

	/** A type reference in the schema's notation: [UserError!]!, ID, Int!. */
	private static String notation(Map<String, Object> type) {
		return switch ((String) type.get("kind")) {
			case "NON_NULL" -> notation((Map<String, Object>) type.get("ofType")) + "!";
			case "LIST" -> "[" + notation((Map<String, Object>) type.get("ofType")) + "]";
			default -> (String) type.get("name");
		};
	}
}

package io.cores.platform.graphql.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.NodeTypes;
import io.cores.platform.persistence.Json;
import io.cores.support.ApiTest;
import io.cores.support.WriteSamples;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write contract every writable type keeps, proven for each from its declaration alone
 * (as NetBox's APIViewTestCases do for its models): create and read back, partial update,
 * clearing, a stale version, a missing required field, a reference to nothing, delete, who may
 * write, and exactly one change-log record per write. A type declared writable is covered at once.
 */
@SuppressWarnings("unchecked")
class WriteContractTest extends ApiTest {

	@Autowired
	private List<WriteType<?>> writable;

	@Autowired
	private NodeTypes nodeTypes;

	private String staff;
	private String admin;
	private String user;
	private WriteSamples samples;

	@BeforeEach
	void writers() {
		staff = "Token " + data().tokenFor("staff", "STAFF");
		admin = "Token " + data().tokenFor("admin", "ADMIN");
		user = "Token " + data().tokenFor("user", "USER");
		samples = new WriteSamples(asAdmin(), data(), nodeTypes);
	}

	@TestFactory
	Stream<DynamicNode> everyWritableTypeKeepsTheContract() {
		assertThat(writable).extracting(WriteType::name).contains("Building", "Rack", "Card", "HdVendor");
		var containers = new ArrayList<DynamicNode>();
		for (var type : writable) {
			containers.add(DynamicContainer.dynamicContainer(type.name(), Stream.of(
					DynamicTest.dynamicTest("create, read back, one CREATE record", () -> createReadsBack(type)),
					DynamicTest.dynamicTest("update changes only what it names", () -> partialUpdate(type)),
					DynamicTest.dynamicTest("null clears an optional field, never a required one", () -> clearing(type)),
					DynamicTest.dynamicTest("a stale version writes nothing", () -> staleVersion(type)),
					DynamicTest.dynamicTest("a missing required field writes nothing", () -> missingRequired(type)),
					DynamicTest.dynamicTest("a reference to nothing is NOT_FOUND", () -> danglingReference(type)),
					DynamicTest.dynamicTest("delete, one DELETE record", () -> delete(type)),
					DynamicTest.dynamicTest("only writers write", () -> onlyWriters(type)),
					DynamicTest.dynamicTest("bulk update: one patch, one record per item", () -> bulkUpdate(type)),
					DynamicTest.dynamicTest("bulk update is all or nothing, errors by item", () -> bulkAllOrNothing(type)),
					DynamicTest.dynamicTest("bulk delete", () -> bulkDelete(type)))));
		}
		return containers.stream();
	}

	private void createReadsBack(WriteType<?> type) {
		var input = samples.createInput(type);
		var payload = run(writer(type), type.createField(), "Create" + type.name() + "Input", input, type.payloadField() + " { id version }");
		assertThat((List<?>) payload.get("errors")).isEmpty();
		var id = (String) ((Map<String, Object>) payload.get(type.payloadField())).get("id");
		assertThat(readBack(type, id)).isEqualTo(expected(type, input));
		assertThat(changes(type, id, "CREATE")).isEqualTo(1);
		var after = (Map<String, Object>) Json.parse(jdbc.queryForObject(
				"SELECT data_after::text FROM object_change WHERE object_type = ? AND object_id = ?", String.class, type.name(),
				key(type, id)));
		var snapshot = expected(type, input);
		snapshot.putAll(readRecorded(type, id));
		assertThat(after).as("the change log's snapshot").isEqualTo(snapshot);
	}

	private void partialUpdate(WriteType<?> type) {
		var id = samples.create(type);
		var before = readBack(type, id);
		var field = type.fields().values().stream().filter(f -> !f.isReference() && f.type() == String.class).findFirst()
			.orElseThrow();
		var value = samples.value(type, field);
		var input = new LinkedHashMap<String, Object>(Map.of("id", id, "version", 0, field.name(), value));
		var payload = run(writer(type), type.updateField(), "Update" + type.name() + "Input", input, type.payloadField() + " { version }");
		assertThat((List<?>) payload.get("errors")).isEmpty();
		assertThat(((Map<String, Object>) payload.get(type.payloadField())).get("version")).isEqualTo(1);
		var expected = new LinkedHashMap<>(before);
		expected.put(field.name(), value);
		assertThat(readBack(type, id)).isEqualTo(expected);
		assertThat(changes(type, id, "UPDATE")).isEqualTo(1);
	}

	private void clearing(WriteType<?> type) {
		var id = samples.create(type);
		for (var field : type.fields().values()) {
			int version = version(type, id);
			var input = new LinkedHashMap<String, Object>(Map.of("id", id, "version", version));
			input.put(field.name(), null);
			var payload = run(writer(type), type.updateField(), "Update" + type.name() + "Input", input, type.payloadField() + " { id }");
			if (field.required()) {
				assertThat(codes(payload)).as(field.name()).containsExactly("REQUIRED");
				assertThat(version(type, id)).as("nothing written").isEqualTo(version);
			}
			else {
				assertThat(codes(payload)).as(field.name()).isEmpty();
				var shown = readBack(type, id).get(field.name());
				if (field.type() == List.class) {
					// a to-many field (a lab's subnets) reads as a list, so cleared is empty
					assertThat((List<?>) shown).as(field.name() + " cleared").isEmpty();
				}
				else {
					assertThat(shown).as(field.name() + " cleared").isNull();
				}
			}
		}
	}

	private void staleVersion(WriteType<?> type) {
		var id = samples.create(type);
		var field = type.fields().values().iterator().next();
		var input = new LinkedHashMap<String, Object>(Map.of("id", id, "version", 7));
		input.put(field.name(), samples.value(type, field));
		var before = readBack(type, id);
		var payload = run(writer(type), type.updateField(), "Update" + type.name() + "Input", input, type.payloadField() + " { id }");
		assertThat(codes(payload)).containsExactly("STALE_VERSION");
		var deleted = run(writer(type), type.deleteField(), "Delete" + type.name() + "Input", Map.of("id", id, "version", 3), "deletedId");
		assertThat(codes(deleted)).containsExactly("STALE_VERSION");
		assertThat(readBack(type, id)).isEqualTo(before);
		assertThat(changes(type, id, null)).as("only the CREATE").isEqualTo(1);
	}

	/**
	 * Left out, the schema refuses the input before anything runs; blank, the write path refuses
	 * a String, and a scalar that checks its text (MacAddress) refuses it as invalid input.
	 */
	private void missingRequired(WriteType<?> type) {
		for (var field : type.fields().values()) {
			if (!field.required()) {
				continue;
			}
			var input = samples.createInput(type);
			input.remove(field.name());
			int before = count(type);
			graphQl(writer(type)).document("mutation($input: Create" + type.name() + "Input!) { " + type.createField()
					+ "(input: $input) { errors { code } } }").variable("input", input).execute().errors()
				.expect(e -> e.getMessage().contains(field.name()) && e.getErrorType().toString().equals("ValidationError"))
				.verify();
			if (field.type() == String.class && !"String".equals(inputScalar(type, field.name()))) {
				input.put(field.name(), "  ");
				graphQl(staff).document("mutation($input: Create" + type.name() + "Input!) { " + type.createField()
						+ "(input: $input) { errors { code } } }").variable("input", input).execute().errors()
					.expect(e -> e.getMessage().contains("'  '") && e.getErrorType().toString().equals("ValidationError"))
					.verify();
			}
			else if (field.type() == String.class) {
				input.put(field.name(), "  ");
				var payload = run(writer(type), type.createField(), "Create" + type.name() + "Input", input, type.payloadField() + " { id }");
				assertThat(payload.get("errors")).as(field.name()).asList()
					.extracting(e -> ((Map<String, Object>) e).get("code"), e -> ((Map<String, Object>) e).get("field"))
					.containsExactly(org.assertj.core.groups.Tuple.tuple("REQUIRED", List.of("input", field.name())));
			}
			assertThat(count(type)).as("nothing written").isEqualTo(before);
		}
	}

	private void danglingReference(WriteType<?> type) {
		for (var field : type.fields().values()) {
			if (!field.isReference()) {
				continue;
			}
			var input = samples.createInput(type);
			input.put(field.name(), GlobalId.encode(field.target(), Long.MAX_VALUE));
			int before = count(type);
			var payload = run(writer(type), type.createField(), "Create" + type.name() + "Input", input, type.payloadField() + " { id }");
			assertThat(codes(payload)).as(field.name()).containsExactly("NOT_FOUND");
			assertThat(count(type)).isEqualTo(before);
		}
	}

	private void delete(WriteType<?> type) {
		var id = samples.create(type);
		var payload = run(writer(type), type.deleteField(), "Delete" + type.name() + "Input", Map.of("id", id, "version", 0), "deletedId");
		assertThat(codes(payload)).isEmpty();
		assertThat(payload.get("deletedId")).isEqualTo(id);
		assertThat(asAdmin().document("query($id: ID!) { node(id: $id) { id } }").variable("id", id).execute()
			.path("node").valueIsNull());
		assertThat(changes(type, id, "DELETE")).isEqualTo(1);
		var again = run(writer(type), type.deleteField(), "Delete" + type.name() + "Input", Map.of("id", id, "version", 0), "deletedId");
		assertThat(codes(again)).containsExactly("NOT_FOUND");
	}

	private void onlyWriters(WriteType<?> type) {
		var input = samples.createInput(type);
		int before = count(type);
		var document = "mutation($input: Create" + type.name() + "Input!) { " + type.createField() + "(input: $input) { errors { code } } }";
		var callers = new LinkedHashMap<String, String>();
		callers.put("UNAUTHORIZED", null);
		callers.put("FORBIDDEN", user);
		callers.forEach((classification, authorization) -> refused(document, input, authorization, classification));
		if (writer(type).equals(admin)) {
			refused(document, input, staff, "FORBIDDEN");
		}
		assertThat(count(type)).as("refused writes write nothing").isEqualTo(before);
	}

	/** The scalar an input field of the create input takes, as the served schema names it. */
	private String inputScalar(WriteType<?> type, String field) {
		var fields = asAdmin().document("query($t: String!) { __type(name: $t) { inputFields { name type { name ofType { name } } } } }")
			.variable("t", "Create" + type.name() + "Input").execute().path("__type.inputFields")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
		var typeOf = (Map<String, Object>) fields.stream().filter(f -> f.get("name").equals(field)).findFirst().orElseThrow()
			.get("type");
		return (String) (typeOf.get("name") != null ? typeOf.get("name") : ((Map<String, Object>) typeOf.get("ofType")).get("name"));
	}

	private void bulkUpdate(WriteType<?> type) {
		var ids = List.of(samples.create(type), samples.create(type), samples.create(type));
		var field = WriteSamples.sharedField(type);
		var value = samples.sharedValue(type, field);
		var plural = nodeTypes.get(type.name()).plural();
		var payload = run(writer(type), type.bulkUpdateField(), "BulkUpdate" + type.name() + "Input",
				Map.of("items", versions(ids, 0), "patch", Map.of(field.name(), value)), plural + " { id version }");
		assertThat(codes(payload)).isEmpty();
		assertThat((List<Map<String, Object>>) payload.get(plural)).extracting(o -> o.get("id"), o -> o.get("version"))
			.containsExactly(ids.stream().map(id -> org.assertj.core.groups.Tuple.tuple(id, 1)).toArray(org.assertj.core.groups.Tuple[]::new));
		for (var id : ids) {
			assertThat(readBack(type, id).get(field.name())).isEqualTo(value);
			assertThat(changes(type, id, "UPDATE")).isEqualTo(1);
		}
	}

	private void bulkAllOrNothing(WriteType<?> type) {
		var ids = List.of(samples.create(type), samples.create(type), samples.create(type));
		var field = WriteSamples.sharedField(type);
		var befores = ids.stream().map(id -> readBack(type, id)).toList();
		var items = new ArrayList<>(versions(ids, 0));
		items.set(1, Map.of("id", ids.get(1), "version", 5));
		var payload = run(writer(type), type.bulkUpdateField(), "BulkUpdate" + type.name() + "Input",
				Map.of("items", items, "patch", Map.of(field.name(), samples.sharedValue(type, field))),
				nodeTypes.get(type.name()).plural() + " { id }");
		assertThat((List<Map<String, Object>>) payload.get("errors")).extracting(e -> e.get("code"), e -> e.get("field"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("STALE_VERSION", List.of("input", "items", "1", "version")));
		var deleted = run(writer(type), type.bulkDeleteField(), "BulkDelete" + type.name() + "Input", Map.of("items", items), "deletedIds");
		assertThat(codes(deleted)).containsExactly("STALE_VERSION");
		for (int i = 0; i < ids.size(); i++) {
			assertThat(readBack(type, ids.get(i))).as("item " + i + " untouched").isEqualTo(befores.get(i));
			assertThat(changes(type, ids.get(i), null)).isEqualTo(1);
		}
	}

	private void bulkDelete(WriteType<?> type) {
		var ids = List.of(samples.create(type), samples.create(type));
		var payload = run(writer(type), type.bulkDeleteField(), "BulkDelete" + type.name() + "Input", Map.of("items", versions(ids, 0)),
				"deletedIds");
		assertThat(codes(payload)).isEmpty();
		assertThat(payload.get("deletedIds")).isEqualTo(ids);
		for (var id : ids) {
			assertThat(changes(type, id, "DELETE")).isEqualTo(1);
		}
	}

	private static List<Map<String, Object>> versions(List<String> ids, int version) {
		return ids.stream().map(id -> Map.<String, Object>of("id", id, "version", version)).toList();
	}

	private void refused(String document, Map<String, Object> input, String authorization, String classification) {
		var tester = authorization == null ? graphQl() : graphQl(authorization);
		tester.document(document).variable("input", input).execute().errors()
			.expect(e -> classification.equals(String.valueOf(e.getExtensions().get("classification")))).verify();
	}

	/**
	 * The least of STAFF and ADMIN that the type's writers include, found by a delete of an
	 * object that does not exist: refused as FORBIDDEN, or answered NOT_FOUND with nothing written.
	 */
	private String writer(WriteType<?> type) {
		var probe = "mutation { " + type.deleteField() + "(input: { id: \"" + GlobalId.encode(type.name(), Long.MAX_VALUE)
				+ "\", version: 0 }) { errors { code } } }";
		var answer = client().post().header("Authorization", staff).bodyValue(Map.of("query", probe)).exchange()
			.expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			}).returnResult().getResponseBody();
		return answer.get("errors") == null ? staff : admin;
	}

	/** What reading the object back shows of its writable fields: references by id. */
	private Map<String, Object> readBack(WriteType<?> type, String id) {
		var selection = new StringBuilder();
		for (var field : type.fields().values()) {
			selection.append(field.name()).append(field.isReference() ? " { id } " : " ");
		}
		var node = asAdmin().document("query($id: ID!) { node(id: $id) { ... on " + type.name() + " { " + selection + " } } }")
			.variable("id", id).execute().path("node").entity(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
		var shown = new LinkedHashMap<String, Object>();
		for (var field : type.fields().values()) {
			var value = node.get(field.name());
			shown.put(field.name(), field.isReference() && value != null ? ((Map<String, Object>) value).get("id") : value);
		}
		return shown;
	}

	/** The fields an action sets and the change log keeps, as the API shows them. */
	private Map<String, Object> readRecorded(WriteType<?> type, String id) {
		var names = type.recordedFields().keySet();
		if (names.isEmpty()) {
			return Map.of();
		}
		return asAdmin().document("query($id: ID!) { node(id: $id) { ... on " + type.name() + " { " + String.join(" ", names)
				+ " } } }").variable("id", id).execute().path("node").entity(new ParameterizedTypeReference<Map<String, Object>>() {
				}).get();
	}

	private static Map<String, Object> expected(WriteType<?> type, Map<String, Object> input) {
		var expected = new LinkedHashMap<String, Object>();
		type.fields().keySet().forEach(name -> expected.put(name, input.get(name)));
		return expected;
	}

	private Map<String, Object> run(String authorization, String mutation, String inputType, Map<String, Object> input,
			String selection) {
		return graphQl(authorization).document("mutation($input: " + inputType + "!) { " + mutation
				+ "(input: $input) { " + selection + " errors { field message code } } }")
			.variable("input", input).execute().path(mutation)
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
	}

	private static List<String> codes(Map<String, Object> payload) {
		return ((List<Map<String, Object>>) payload.get("errors")).stream().map(e -> (String) e.get("code")).toList();
	}

	private int changes(WriteType<?> type, String id, String action) {
		return jdbc.queryForObject("SELECT count(*) FROM object_change WHERE object_type = ? AND object_id = ?"
				+ (action == null ? "" : " AND action = '" + action + "'"), Integer.class, type.name(), key(type, id));
	}

	private int version(WriteType<?> type, String id) {
		return asAdmin().document("query($id: ID!) { node(id: $id) { ... on " + type.name() + " { version } } }")
			.variable("id", id).execute().path("node.version").entity(Integer.class).get();
	}

	private int count(WriteType<?> type) {
		var plural = nodeTypes.get(type.name()).plural();
		return asAdmin().document("{ " + plural + " { totalCount } }").execute().path(plural + ".totalCount")
			.entity(Integer.class).get();
	}

	private static long key(WriteType<?> type, String id) {
		return GlobalId.decodeKey(id, type.name(), "id");
	}
}

package io.cores;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.NodeType;
import io.cores.platform.graphql.NodeTypes;
import io.cores.platform.graphql.Relation;
import io.cores.platform.graphql.access.RestrictedField;
import io.cores.platform.graphql.access.RestrictedFields;
import io.cores.platform.persistence.Json;
import io.cores.support.ApiTest;
import io.cores.support.SchemaIntrospection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing hidden leaks through a side door. Generated from the declarations and the served
 * schema: every type with a row visibility rule (tokens) and every record pointing at such
 * rows (their change-log records and journal entries) is looked for through every path that
 * reaches it — its root fields, {@code node}/{@code nodes}, each relation field leading to
 * it and each filter on such a relation — and every restricted field (emails, raw scans)
 * through the field itself, the change log's snapshots, and the filters, as anonymous, USER
 * and AGENT callers. Each path is first shown to reach the secret as an admin, so a check
 * that finds nothing proves something.
 */
@SuppressWarnings("unchecked")
class VisibilityTest extends ApiTest {

	@Autowired
	private NodeTypes nodeTypes;

	@Autowired
	private RestrictedFields restrictedFields;

	private String marker;
	private String ownerKey;
	private final Map<String, String> callers = new LinkedHashMap<>();
	/** Global ids of the secret rows, by node type. */
	private final Map<String, List<String>> secrets = new LinkedHashMap<>();

	@BeforeEach
	void secretsOfAnAdmin() {
		marker = data().name("secret");
		ownerKey = data().tokenFor("owner", "ADMIN");
		var token = (Map<String, Object>) graphQl("Token " + ownerKey)
			.document("mutation($c: String) { createToken(input: { comment: $c }) { token { id } } }")
			.variable("c", marker).execute().path("createToken.token").entity(Map.class).get();
		graphQl("Token " + ownerKey).document("mutation($n: String!) { registerAgent(input: { name: $n }) { key } }")
			.variable("n", marker + "-agent").execute().path("registerAgent.key").entity(String.class).satisfies(key -> {
				callers.put("AGENT", "Token " + key);
			});
		callers.put("anonymous", null);
		callers.put("USER", "Token " + data().tokenFor("reader", "USER"));
		long tokenKey = GlobalId.decodeKey((String) token.get("id"), "Token", "id");
		long agentTokenKey = jdbc.queryForObject("SELECT token_id FROM agent WHERE name = ?", Long.class, marker + "-agent");
		long journal = data().insert("INSERT INTO journal_entry (object_type, object_id, comments) VALUES ('Token', ?, ?) RETURNING id",
				tokenKey, marker);
		secrets.put("Token", List.of(GlobalId.encode("Token", tokenKey), GlobalId.encode("Token", agentTokenKey)));
		secrets.put("ObjectChange", jdbc.queryForList("SELECT id FROM object_change WHERE object_type = 'Token' AND object_id IN (?, ?)",
				Long.class, tokenKey, agentTokenKey).stream().map(id -> GlobalId.encode("ObjectChange", id)).toList());
		secrets.put("JournalEntry", List.of(GlobalId.encode("JournalEntry", journal)));
		long mail = data().insert("""
				INSERT INTO mail_outbox (kind, subject_key, day, recipient, subject, body)
				VALUES ('HOLDS_TODAY', ?, current_date, 'owner@example.net', ?, 'Your holds today') RETURNING id""", marker, marker);
		secrets.put("OutboxMail", List.of(GlobalId.encode("OutboxMail", mail)));
	}

	@TestFactory
	Stream<DynamicTest> hiddenRowsStayHiddenOnEveryPath() {
		var schema = new SchemaIntrospection(asAdmin());
		var tests = new ArrayList<DynamicTest>();
		var guarded = nodeTypes.all().stream().filter(NodeType::hasVisibilityRule).toList();
		assertThat(guarded).extracting(NodeType::name).contains("Token", "ObjectChange", "JournalEntry", "OutboxMail");
		for (var type : guarded) {
			tests.add(DynamicTest.dynamicTest(type.name() + ": every field leading to it is a known path",
					() -> onlyKnownPathsLeadTo(schema, type)));
			for (var id : secretsOf(type)) {
				tests.add(DynamicTest.dynamicTest(type.name() + " " + id + " through its root fields and node",
						() -> rootPaths(type, id)));
			}
			tests.add(DynamicTest.dynamicTest(type.name() + " through every relation and relation filter",
					() -> relationPaths(schema, type)));
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> restrictedFieldsStayRestrictedOnEveryPath() {
		var schema = new SchemaIntrospection(asAdmin());
		var restricted = schema.restrictedFields();
		assertThat(restricted).as("restricted fields named by the schema")
			.containsExactlyInAnyOrderElementsOf(restrictedFields.all().stream().map(f -> f.type() + "." + f.field()).toList())
			.contains("User.email", "ScanSession.rawResults", "ScanSession.responses");
		var tests = new ArrayList<DynamicTest>();
		for (var field : restrictedFields.all()) {
			tests.add(DynamicTest.dynamicTest(field.type() + "." + field.field(), () -> restrictedPaths(schema, field)));
		}
		return tests.stream();
	}

	private List<String> secretsOf(NodeType<?, ?> type) {
		var ids = secrets.get(type.name());
		assertThat(ids).as("the fixture has secret rows of " + type.name() + "; add some for a new guarded type").isNotEmpty();
		return ids;
	}

	/** A field of a node type that returns the guarded type must be a declared relation, or it bypasses the rule. */
	private void onlyKnownPathsLeadTo(SchemaIntrospection schema, NodeType<?, ?> type) {
		var known = new LinkedHashSet<String>();
		for (var relation : relationsTo(type)) {
			var owner = nodeTypes.get(relation.owner());
			known.add(owner.name() + "." + relation.field());
			for (var objectType : relation.on().isEmpty() ? owner.objectTypes() : relation.on()) {
				known.add(objectType + "." + relation.field());
			}
		}
		for (var path : schema.nodeFieldsReturning(type.name())) {
			assertThat(known).as(path + " returns " + type.name() + " without its visibility rule").contains(path);
		}
	}

	private void rootPaths(NodeType<?, ?> type, String id) {
		var queries = List.of(
				"query($id: ID!) { " + type.singular() + "(id: $id) { id } }",
				"query($id: ID!) { " + type.plural() + "(first: 500, filter: { id: { eq: $id } }) { totalCount nodes { id } } }",
				"query($id: ID!) { " + type.plural() + "(first: 500, filter: { id: { in: [$id] } }) { edges { node { id } } } }",
				"query($id: ID!) { node(id: $id) { id } }",
				"query($id: ID!) { nodes(ids: [$id]) { id } }");
		for (var query : queries) {
			var variables = Map.<String, Object>of("id", id);
			assertThat(post("Token " + ownerKey, query, variables)).as("an admin reaches it: " + query).contains(id);
			callers.forEach((caller, authorization) -> assertThat(post(authorization, query, variables))
				.as(caller + " must not see " + id + " through " + query).doesNotContain(id, marker));
		}
	}

	/**
	 * For each relation into the type: the owners the admin finds by filtering on it must not
	 * be found by the callers (a filter would tell which owner has the hidden row), and the
	 * relation field on those owners must show the callers nothing of it, not even in counts.
	 */
	private void relationPaths(SchemaIntrospection schema, NodeType<?, ?> type) {
		var unreached = new ArrayList<String>();
		for (var relation : relationsTo(type)) {
			var owner = nodeTypes.get(relation.owner());
			boolean toMany = relation instanceof Relation.Many || relation instanceof Relation.Link;
			for (var id : secretsOf(type)) {
				var filter = toMany ? "{ " + relation.field() + ": { some: { id: { eq: $id } } } }"
						: "{ " + relation.field() + ": { id: { eq: $id } } }";
				var byFilter = "query($id: ID!) { " + owner.plural() + "(first: 500, filter: " + filter + ") { totalCount nodes { id } } }";
				var variables = Map.<String, Object>of("id", id);
				var found = (Map<String, Object>) data(post("Token " + ownerKey, byFilter, variables)).get(owner.plural());
				var parents = ((List<Map<String, Object>>) found.get("nodes")).stream().map(n -> (String) n.get("id")).toList();
				if (parents.isEmpty()) {
					unreached.add(relation.owner() + "." + relation.field() + " to " + id);
					continue;
				}
				var selection = toMany ? relation.field() + "(first: 500) { totalCount nodes { id } }" : relation.field() + " { id }";
				assertThat(parents).as("owners found for " + id).hasSizeLessThanOrEqualTo(50);
				var byField = "query($ids: [ID!]) { " + owner.plural() + "(first: 50, filter: { id: { in: $ids } }) { nodes { id "
						+ fragment(schema, relation, selection) + " } } }";
				assertThat(post("Token " + ownerKey, byField, Map.of("ids", parents))).as("an admin reaches " + id).contains(id);
				callers.forEach((caller, authorization) -> {
					var answer = post(authorization, byFilter, variables);
					assertThat(answer).as(caller + " filtering " + byFilter).doesNotContain(parents.toArray(String[]::new));
					var shown = post(authorization, byField, Map.of("ids", parents));
					assertThat(shown).as(caller + " reading " + byField).doesNotContain(id, marker);
					if (toMany) {
						countsMatchNodes(shown, caller + " counting " + relation.field());
					}
				});
			}
		}
		// the secrets are reached from each relation whose owner keeps its own rows hidden or
		// open; only relations from other owners (Host.changes for a token's record) cannot reach them
		var mustReach = relationsTo(type).stream()
			.filter(r -> !type.pointsAtObjects() || secrets.containsKey(r.owner()))
			.map(r -> r.owner() + "." + r.field())
			.toList();
		for (var path : mustReach) {
			assertThat(unreached.stream().filter(u -> u.startsWith(path + " ")).count())
				.as("the fixture reaches " + type.name() + " through " + path + " for every secret").isLessThan(secretsOf(type).size());
		}
	}

	private void restrictedPaths(SchemaIntrospection schema, RestrictedField restricted) {
		var field = restricted;
		var name = restricted.type() + "." + restricted.field();
		var type = nodeTypes.get(field.type());
		assertThat(schema.filterFields(type.name())).as(name + " is not filterable").doesNotContain(field.field());
		assertThat(schema.orderFields(type.name())).as(name + " is not sortable")
			.doesNotContain(field.field().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
		// an object whose field has a value, read as an admin
		var page = (Map<String, Object>) data(post("Token " + ownerKey,
				"{ " + type.plural() + "(first: 100) { nodes { id " + field.field() + " } } }", Map.of())).get(type.plural());
		var object = ((List<Map<String, Object>>) page.get("nodes")).stream().filter(n -> n.get(field.field()) != null)
			.findFirst().orElseThrow(() -> new AssertionError("no " + type.name() + " has a " + field.field() + " to test with"));
		var id = (String) object.get("id");
		var value = Json.write(object.get(field.field()));
		var direct = "query($id: ID!) { node(id: $id) { id ... on " + field.type() + " { " + field.field() + " } } }";
		var snapshotMarker = data().name("snapshot-" + field.field());
		long key = GlobalId.decodeKey(id, type.name(), "id");
		jdbc.update("INSERT INTO object_change (action, object_type, object_id, object_repr, data_before, data_after) "
				+ "VALUES ('UPDATE', ?, ?, 'x', ?::jsonb, ?::jsonb)", type.name(), key,
				Json.write(Map.of(field.field(), snapshotMarker + "-before", "kept", "before")),
				Json.write(Map.of(field.field(), snapshotMarker + "-after", "kept", "after")));
		var snapshots = "query($id: ID!) { objectChanges(filter: { objectId: { eq: $id } }) { nodes { dataBefore dataAfter } } "
				+ (schema.hasField(field.type(), "changes")
						? " node(id: $id) { ... on " + field.type() + " { changes { nodes { dataBefore dataAfter } } } }" : "")
				+ " }";
		assertThat(post("Token " + ownerKey, snapshots, Map.of("id", id))).as("an admin reads the snapshots")
			.contains(snapshotMarker + "-before", snapshotMarker + "-after");
		callers.forEach((caller, authorization) -> {
			var answer = post(authorization, direct, Map.of("id", id));
			var errors = (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(answer)).get("errors");
			assertThat(errors).as(caller + " reading " + name).isNotEmpty();
			assertThat(((Map<String, Object>) errors.get(0).get("extensions")).get("classification"))
				.isIn("UNAUTHORIZED", "FORBIDDEN");
			if (value.length() > 8) {
				assertThat(answer).as(caller + " must not see the value of " + name).doesNotContain(value.replace("\"", ""));
			}
			var logged = post(authorization, snapshots, Map.of("id", id));
			assertThat(logged).as(caller + " reading the snapshots of " + name).doesNotContain(snapshotMarker);
			if (!caller.equals("AGENT")) {
				assertThat(logged).as("the rest of the snapshot stays").contains("\"kept\":\"before\"", "\"kept\":\"after\"");
			}
		});
	}

	private List<Relation> relationsTo(NodeType<?, ?> type) {
		return nodeTypes.relations().stream().filter(r -> r.target().equals(type.name())).toList();
	}

	/** The relation's selection, inside a type condition where only some of the owner's object types carry it. */
	private String fragment(SchemaIntrospection schema, Relation relation, String selection) {
		var owner = nodeTypes.get(relation.owner());
		if (relation.on().isEmpty() && owner.objectTypes().size() == 1 && owner.objectTypes().get(0).equals(owner.name())) {
			return selection;
		}
		var parts = new StringBuilder();
		for (var objectType : relation.on().isEmpty() ? owner.objectTypes() : relation.on()) {
			parts.append(" ... on ").append(objectType).append(" { ").append(selection).append(" }");
		}
		return parts.toString();
	}

	/** Every connection in the answer counts exactly the nodes it shows (pages here are never cut). */
	private static void countsMatchNodes(String answer, String what) {
		walk(Json.parse(answer), node -> {
			if (node.containsKey("totalCount") && node.get("nodes") instanceof List<?> nodes) {
				assertThat(node.get("totalCount")).as(what).isEqualTo(nodes.size());
			}
		});
	}

	private static void walk(Object value, java.util.function.Consumer<Map<String, Object>> visit) {
		if (value instanceof Map<?, ?> map) {
			visit.accept((Map<String, Object>) map);
			map.values().forEach(v -> walk(v, visit));
		}
		else if (value instanceof List<?> list) {
			list.forEach(v -> walk(v, visit));
		}
	}

	private static Map<String, Object> data(String answer) {
		var parsed = (Map<String, Object>) Json.parse(answer);
		assertThat(parsed.get("errors")).as(answer).isNull();
		return (Map<String, Object>) parsed.get("data");
	}

	private String post(String authorization, String query, Map<String, Object> variables) {
		var body = client().post().headers(h -> {
			if (authorization != null) {
				h.set("Authorization", authorization);
			}
		}).bodyValue(Map.of("query", query, "variables", variables)).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBodyContent();
		return new String(body, java.nio.charset.StandardCharsets.UTF_8);
	}
}

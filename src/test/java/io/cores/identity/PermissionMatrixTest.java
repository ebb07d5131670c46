package io.cores.identity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every mutation in the served schema, run as every kind of caller, is allowed or refused as
 * SPEC.md's roles say. The mutations come from introspection, so a mutation added without an
 * expectation here fails this test. Refused calls write nothing (no change-log record).
 */
@SuppressWarnings("unchecked")
class PermissionMatrixTest extends ApiTest {

	/** The least role each mutation needs; the service may narrow further (own tokens). */
	private static final Map<String, Role> REQUIRED = Map.of(
			"createToken", Role.USER,
			"disableToken", Role.USER,
			"enableToken", Role.USER,
			"deleteToken", Role.USER,
			"registerAgent", Role.ADMIN);

	private final Map<String, String> keys = new LinkedHashMap<>();

	@BeforeEach
	void principals() {
		keys.put("USER", data().tokenFor("user", "USER"));
		keys.put("STAFF", data().tokenFor("staff", "STAFF"));
		keys.put("ADMIN", data().tokenFor("admin", "ADMIN"));
		keys.put("AGENT", data().tokenFor("agent", "AGENT"));
		long owner = data().user("owner");
		jdbc.update("UPDATE app_user SET role = 'ADMIN' WHERE id = ?", owner);
		keys.put("READ_ONLY", data().token(owner, "ADMIN", true, true, null));
		keys.put("DISABLED", data().token(owner, "ADMIN", false, false, null));
		keys.put("EXPIRED", data().token(owner, "ADMIN", false, true, OffsetDateTime.now().minusMinutes(1)));
	}

	@TestFactory
	Stream<DynamicTest> everyMutationAsEveryCaller() {
		var types = types();
		var mutations = (List<Map<String, Object>>) types.get("Mutation").get("fields");
		var tests = new ArrayList<DynamicTest>();
		for (var mutation : mutations) {
			var name = (String) mutation.get("name");
			if (name.equals("ingestScan")) {
				continue;
			}
			var document = "mutation { " + name + "(" + arguments(mutation, types) + ") { __typename } }";
			tests.add(DynamicTest.dynamicTest(name, () -> everyCaller(name, document)));
		}
		assertThat(tests).isNotEmpty();
		return tests.stream();
	}

	/**
	 * The sensitive fields as every caller: another user's email and raw scan payloads are for
	 * admins (a read-only admin token still reads them), refused to everyone else.
	 */
	@TestFactory
	Stream<DynamicTest> everySensitiveFieldAsEveryCaller() {
		long other = data().user("other");
		var email = "{ user(id: \"" + GlobalId.encode("User", other) + "\") { email } }";
		var raw = "{ scanSessions(first: 1) { nodes { rawResults responses } } }";
		var expected = new LinkedHashMap<String, String>();
		expected.put("anonymous", "UNAUTHORIZED");
		expected.put("USER", "FORBIDDEN");
		expected.put("STAFF", "FORBIDDEN");
		expected.put("AGENT", "FORBIDDEN");
		expected.put("ADMIN", null);
		expected.put("READ_ONLY", null);
		var tests = new ArrayList<DynamicTest>();
		for (var field : Map.of("User.email", email, "ScanSession.rawResults", raw).entrySet()) {
			expected.forEach((caller, outcome) -> tests.add(DynamicTest.dynamicTest(field.getKey() + " as " + caller, () -> {
				var authorization = caller.equals("anonymous") ? null : "Token " + keys.get(caller);
				assertThat(graphQlError(authorization, field.getValue())).isEqualTo(outcome);
			})));
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> tokensAreVisibleToTheirOwnerAndAdminsOnly() {
		var expected = Map.of("anonymous", 0, "USER", 1, "STAFF", 1, "READ_ONLY", -1, "ADMIN", -1);
		var tests = new ArrayList<DynamicTest>();
		expected.forEach((caller, count) -> tests.add(DynamicTest.dynamicTest(caller, () -> {
			var request = caller.equals("anonymous") ? graphQl() : graphQl("Token " + keys.get(caller));
			int seen = request.document("{ tokens { totalCount } }").execute().path("tokens.totalCount")
				.entity(Integer.class).get();
			if (count >= 0) {
				assertThat(seen).as("tokens %s sees", caller).isEqualTo(count);
			}
			else {
				assertThat(seen).as("an admin sees every token").isGreaterThan(7);
			}
		})));
		return tests.stream();
	}

	private void everyCaller(String mutation, String document) {
		var required = REQUIRED.get(mutation);
		if (required == null) {
			fail("Mutation " + mutation + " has no expected role in PermissionMatrixTest.REQUIRED");
		}
		int changes = changeCount();
		expectRefused(graphQlError(null, document), "UNAUTHORIZED", mutation + " as anonymous");
		expectRefused(graphQlError("Token " + keys.get("AGENT"), document), "FORBIDDEN", mutation + " as AGENT");
		expectRefused(graphQlError("Token " + keys.get("READ_ONLY"), document), "FORBIDDEN", mutation + " read-only");
		for (var invalid : List.of("DISABLED", "EXPIRED")) {
			client().post().header("Authorization", "Token " + keys.get(invalid))
				.bodyValue(Map.of("query", document)).exchange()
				.expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED)
				.expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED");
		}
		for (var role : List.of(Role.USER, Role.STAFF, Role.ADMIN)) {
			if (!role.includes(required)) {
				expectRefused(graphQlError("Token " + keys.get(role.name()), document), "FORBIDDEN", mutation + " as " + role);
			}
		}
		assertThat(changeCount()).as("refused calls write nothing").isEqualTo(changes);
		for (var role : List.of(Role.USER, Role.STAFF, Role.ADMIN)) {
			if (role.includes(required)) {
				var classification = graphQlError("Token " + keys.get(role.name()), document);
				assertThat(classification).as(mutation + " as " + role).isNotIn("UNAUTHORIZED", "FORBIDDEN");
			}
		}
	}

	private static void expectRefused(String classification, String expected, String what) {
		assertThat(classification).as(what).isEqualTo(expected);
	}

	/** The classification of the response's first error, or null when it has none. */
	private String graphQlError(String authorization, String document) {
		var body = client().post().headers(h -> {
			if (authorization != null) {
				h.set("Authorization", authorization);
			}
		}).bodyValue(Map.of("query", document)).exchange()
			.expectStatus().isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			}).returnResult().getResponseBody();
		var errors = (List<Map<String, Object>>) body.get("errors");
		if (errors == null || errors.isEmpty()) {
			return null;
		}
		return String.valueOf(((Map<String, Object>) errors.get(0).get("extensions")).get("classification"));
	}

	private int changeCount() {
		return jdbc.queryForObject("SELECT count(*) FROM object_change", Integer.class);
	}

	/** Literal arguments filling every required input field with a well-formed value. */
	private String arguments(Map<String, Object> field, Map<String, Map<String, Object>> types) {
		var parts = new ArrayList<String>();
		for (var arg : (List<Map<String, Object>>) field.get("args")) {
			var type = (Map<String, Object>) arg.get("type");
			if ("NON_NULL".equals(type.get("kind"))) {
				parts.add(arg.get("name") + ": " + value((Map<String, Object>) type.get("ofType"), types));
			}
		}
		return String.join(", ", parts);
	}

	private String value(Map<String, Object> type, Map<String, Map<String, Object>> types) {
		var kind = (String) type.get("kind");
		if (kind.equals("NON_NULL")) {
			return value((Map<String, Object>) type.get("ofType"), types);
		}
		if (kind.equals("LIST")) {
			return "[" + value((Map<String, Object>) type.get("ofType"), types) + "]";
		}
		var name = (String) type.get("name");
		var definition = types.get(name);
		switch ((String) definition.get("kind")) {
			case "ENUM":
				return (String) ((List<Map<String, Object>>) definition.get("enumValues")).get(0).get("name");
			case "INPUT_OBJECT": {
				var fields = new ArrayList<String>();
				for (var input : (List<Map<String, Object>>) definition.get("inputFields")) {
					var inputType = (Map<String, Object>) input.get("type");
					if ("NON_NULL".equals(inputType.get("kind"))) {
						fields.add(input.get("name") + ": " + value(inputType, types));
					}
				}
				return "{ " + String.join(", ", fields) + " }";
			}
			default:
				return scalar(name);
		}
	}

	private String scalar(String name) {
		switch (name) {
			case "ID":
				return "\"" + GlobalId.encode("Nothing", 1) + "\"";
			case "Int":
			case "Long":
				return "0";
			case "Float":
				return "0.5";
			case "Boolean":
				return "false";
			case "DateTime":
				return "\"2999-01-01T00:00:00Z\"";
			case "Date":
				return "\"2999-01-01\"";
			case "JSON":
				return "{}";
			case "MacAddress":
				return "\"02:00:00:00:00:01\"";
			case "IPAddress":
				return "\"192.0.2.1\"";
			case "CIDR":
				return "\"192.0.2.0/24\"";
			default:
				return "\"" + data().name("value") + "\"";
		}
	}

	private Map<String, Map<String, Object>> types() {
		var schema = asAdmin().document("""
				{ __schema { types { name kind enumValues { name }
				    inputFields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
				    fields { name args { name type { kind name ofType { kind name ofType { kind name } } } } } } } }""")
			.execute().path("__schema.types").entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
		var types = new LinkedHashMap<String, Map<String, Object>>();
		schema.forEach(t -> types.put((String) t.get("name"), t));
		return types;
	}
}

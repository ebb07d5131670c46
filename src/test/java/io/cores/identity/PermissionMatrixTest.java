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
import io.cores.support.SchemaIntrospection;
import io.cores.support.WriteSamples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every mutation in the served schema, run as every kind of caller, is allowed or refused as
 * SPEC.md's roles say. The mutations come from introspection, so a mutation added without an
 * expectation here fails this test. Refused calls write nothing (no change-log record);
 * permitted callers make a real call on real objects and its effect is checked.
 */
@SuppressWarnings("unchecked")
class PermissionMatrixTest extends ApiTest {

	/** The least role each mutation needs; the service may narrow further (own tokens). */
	private static final Map<String, Role> REQUIRED = Map.ofEntries(
			Map.entry("revertChange", Role.STAFF),
			Map.entry("changeHostStatus", Role.STAFF),
			Map.entry("startLoan", Role.STAFF),
			Map.entry("returnLoan", Role.STAFF),
			Map.entry("createToken", Role.USER),
			Map.entry("disableToken", Role.USER),
			Map.entry("enableToken", Role.USER),
			Map.entry("deleteToken", Role.USER),
			Map.entry("registerAgent", Role.ADMIN),
			Map.entry("addGroupMember", Role.ADMIN),
			Map.entry("removeGroupMember", Role.ADMIN),
			Map.entry("tagObject", Role.STAFF),
			Map.entry("untagObject", Role.STAFF),
			Map.entry("createJournalEntry", Role.STAFF),
			Map.entry("updateJournalEntry", Role.STAFF),
			Map.entry("deleteJournalEntry", Role.STAFF),
			// holds: any user for their own (HoldManagement checks whose), deleting for admins
			Map.entry("createBooking", Role.USER),
			Map.entry("updateBooking", Role.USER),
			Map.entry("cancelBooking", Role.USER),
			Map.entry("deleteBooking", Role.ADMIN),
			Map.entry("createReservation", Role.USER),
			Map.entry("updateReservation", Role.USER),
			Map.entry("endReservation", Role.USER),
			Map.entry("cancelReservation", Role.USER),
			Map.entry("deleteReservation", Role.ADMIN),
			// agents post their own scans (FOR_AGENTS); admins enter scans by hand
			Map.entry("ingestScan", Role.ADMIN),
			Map.entry("resolveScanConflict", Role.STAFF),
			Map.entry("bulkResolveScanConflict", Role.STAFF),
			Map.entry("runJob", Role.ADMIN),
			Map.entry("cancelJob", Role.ADMIN));

	/** The mutations an agent token may call, as its own agent; every other one refuses it. */
	private static final java.util.Set<String> FOR_AGENTS = java.util.Set.of("ingestScan");

	/** Who writes each type through the generic write path (SPEC.md, Users, groups, roles). */
	private static final Map<String, Role> WRITERS = Map.ofEntries(
			Map.entry("Building", Role.STAFF),
			Map.entry("Rack", Role.STAFF),
			Map.entry("Card", Role.STAFF),
			Map.entry("HdVendor", Role.STAFF),
			Map.entry("HostBuild", Role.STAFF),
			Map.entry("HostHardware", Role.STAFF),
			Map.entry("HostType", Role.STAFF),
			Map.entry("CardType", Role.STAFF),
			Map.entry("Notice", Role.STAFF),
			Map.entry("Tag", Role.STAFF),
			Map.entry("User", Role.ADMIN),
			Map.entry("Group", Role.ADMIN),
			Map.entry("Lab", Role.STAFF),
			Map.entry("Host", Role.STAFF),
			Map.entry("Nic", Role.STAFF),
			Map.entry("Project", Role.STAFF),
			Map.entry("Bookable", Role.STAFF),
			Map.entry("Loan", Role.STAFF));

	@org.springframework.beans.factory.annotation.Autowired
	private List<io.cores.platform.graphql.write.WriteType<?>> writable;

	@org.springframework.beans.factory.annotation.Autowired
	private io.cores.platform.graphql.NodeTypes nodeTypes;

	private final Map<String, String> keys = new LinkedHashMap<>();

	@BeforeEach
	void principals() {
		keys.put("USER", data().tokenFor("user", "USER"));
		keys.put("STAFF", data().tokenFor("staff", "STAFF"));
		keys.put("ADMIN", data().tokenFor("admin", "ADMIN"));
		keys.put("AGENT", data().tokenFor("agent", "AGENT"));
		data().insert("INSERT INTO agent (name, token_id) SELECT ?, id FROM api_token WHERE key_hash = ? RETURNING id",
				data().name("agent"), io.cores.identity.internal.TokenKeys.hash(keys.get("AGENT")));
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
			var document = "mutation { " + name + "(" + arguments(mutation, types) + ") { __typename } }";
			tests.add(DynamicTest.dynamicTest(name, () -> everyCaller(name, document)));
		}
		assertThat(tests).isNotEmpty();
		return tests.stream();
	}

	/** The least role each writers' line of a mutation's description stands for. */
	private static final Map<String, Role> STATED_WRITERS = Map.of(
			"ADMIN", Role.ADMIN,
			"STAFF", Role.STAFF,
			"any signed-in user (their own)", Role.USER,
			"agents (as themselves) and ADMIN", Role.ADMIN);

	/**
	 * Every mutation's description ends with who may call it, as an anonymous client's
	 * introspection reads it, and that is the role this matrix expects of it: the generic
	 * writes, the conventions' bulk writes and the hand-written mutations alike.
	 */
	@TestFactory
	Stream<DynamicTest> everyMutationStatesItsWriters() {
		var stated = new SchemaIntrospection(graphQl()).writers();
		assertThat(stated).containsEntry("createHost", "STAFF").containsEntry("bulkDeleteHost", "STAFF")
			.containsEntry("createUser", "ADMIN").containsEntry("createBooking", "any signed-in user (their own)")
			.containsEntry("deleteBooking", "ADMIN").containsEntry("createToken", "any signed-in user (their own)");
		var tests = new ArrayList<DynamicTest>();
		stated.forEach((mutation, writers) -> tests.add(DynamicTest.dynamicTest(mutation, () -> {
			assertThat(writers).as(mutation + "'s description ends with a line \"" + SchemaIntrospection.WRITERS + "…\"")
				.isNotNull();
			var generic = generic(mutation);
			var required = generic == null ? REQUIRED.get(mutation) : WRITERS.get(generic.name());
			assertThat(STATED_WRITERS.get(writers)).as(mutation + " states \"" + writers + "\"").isEqualTo(required);
		})));
		return tests.stream();
	}

	/** The least role each audience a restricted field's description names stands for. */
	private static final Map<String, Role> AUDIENCES = Map.of(
			"admins", Role.ADMIN,
			"the user themself and admins", Role.ADMIN,
			"staff and admins", Role.STAFF);

	/**
	 * The restricted fields, as the schema names them (a description saying who alone may read
	 * it), as every caller, on a real object whose field has a value: refused to anonymous and
	 * to known callers without the right; those with it (an admin's read-only token too) read
	 * the value itself. A user's own email is not the object read here.
	 */
	@TestFactory
	Stream<DynamicTest> everyRestrictedFieldAsEveryCaller() {
		var schema = new SchemaIntrospection(asAdmin());
		var restricted = schema.restrictedFields();
		assertThat(restricted).contains("User.email", "ScanSession.rawResults", "Loan.contactEmail");
		var tests = new ArrayList<DynamicTest>();
		for (var coordinates : restricted) {
			var type = coordinates.substring(0, coordinates.indexOf('.'));
			var field = coordinates.substring(coordinates.indexOf('.') + 1);
			var least = AUDIENCES.get(schema.readableBy(coordinates));
			assertThat(least).as("an expected role for the audience of " + coordinates + " in AUDIENCES").isNotNull();
			var expected = new LinkedHashMap<String, String>();
			expected.put("anonymous", "UNAUTHORIZED");
			for (var role : List.of(Role.USER, Role.STAFF, Role.ADMIN)) {
				expected.put(role.name(), role.includes(least) ? null : "FORBIDDEN");
			}
			expected.put("AGENT", "FORBIDDEN");
			expected.put("READ_ONLY", null);
			expected.forEach((caller, outcome) -> tests.add(DynamicTest.dynamicTest(coordinates + " as " + caller, () -> {
				var object = objectWithValue(schema, type, field);
				var query = "{ node(id: \"" + object.getKey() + "\") { ... on " + type + " { " + field + " } } }";
				var authorization = caller.equals("anonymous") ? null : "Token " + keys.get(caller);
				var answer = post(authorization, query);
				assertThat(classification(answer)).as(coordinates + " as " + caller).isEqualTo(outcome);
				if (outcome == null) {
					assertThat(((Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("node")).get(field))
						.as("the value " + caller + " reads").isEqualTo(object.getValue());
				}
			})));
		}
		return tests.stream();
	}

	/** The id and value of the first object of the type, other than the test's own users, whose field has a value. */
	private Map.Entry<String, Object> objectWithValue(SchemaIntrospection schema, String type, String field) {
		var plural = (String) schema.fields("Query").stream()
			.filter(f -> (type + "Connection").equals(SchemaIntrospection.unwrap((Map<String, Object>) f.get("type"))))
			.findFirst().orElseThrow().get("name");
		var nodes = asAdmin().document("{ " + plural + "(first: 100) { nodes { id " + field + " } } }").execute()
			.path(plural + ".nodes").entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
		var object = nodes.stream().filter(n -> n.get(field) != null).findFirst()
			.orElseThrow(() -> new AssertionError("no " + type + " with a " + field + " to read"));
		return Map.entry((String) object.get("id"), object.get(field));
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
		var generic = generic(mutation);
		var required = generic == null ? REQUIRED.get(mutation) : WRITERS.get(generic.name());
		if (required == null) {
			fail("Mutation " + mutation + " has no expected role in PermissionMatrixTest.REQUIRED");
		}
		int changes = changeCount();
		expectRefused(graphQlError(null, document), "UNAUTHORIZED", mutation + " as anonymous");
		if (!FOR_AGENTS.contains(mutation)) {
			expectRefused(graphQlError("Token " + keys.get("AGENT"), document), "FORBIDDEN", mutation + " as AGENT");
		}
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
		var scenario = generic == null ? SCENARIOS.get(mutation) : genericScenario(generic, mutation);
		if (scenario == null) {
			fail("Mutation " + mutation + " has no success scenario in PermissionMatrixTest.SCENARIOS");
		}
		for (var role : List.of(Role.USER, Role.STAFF, Role.ADMIN, Role.AGENT)) {
			if (role.includes(required) || (role == Role.AGENT && FOR_AGENTS.contains(mutation))) {
				// a real call on real objects of this caller's, and the effect it must have
				var call = scenario.apply(this, role.name());
				int before = changeCount();
				var answer = post("Token " + keys.get(role.name()), call.document());
				assertThat(answer.get("errors")).as(mutation + " as " + role + ": " + answer).isNull();
				var payload = (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get(mutation);
				assertThat((List<?>) payload.get("errors")).as(mutation + " as " + role + " answers no UserError").isEmpty();
				call.check().accept(payload);
				assertThat(changeCount()).as(mutation + " as " + role + " is logged").isGreaterThan(before);
			}
		}
	}

	/** One permitted call of a mutation: its document, and what its payload and the database must show after it. */
	private record Call(String document, java.util.function.Consumer<Map<String, Object>> check) {
	}

	/** For every mutation, a real call for a caller of the given role (one of the principals). */
	private static final Map<String, java.util.function.BiFunction<PermissionMatrixTest, String, Call>> SCENARIOS = Map.ofEntries(
			Map.entry("createToken", (test, role) -> {
				var comment = test.data().name("made-by-" + role);
				return new Call("mutation { createToken(input: { comment: \"" + comment + "\" }) { key token { id comment } errors { code } } }",
						payload -> {
							assertThat((String) payload.get("key")).startsWith("cores_");
							assertThat(test.tokenComments(((Map<String, Object>) payload.get("token")).get("id"))).isEqualTo(comment);
						});
			}),
			Map.entry("revertChange", (test, role) -> test.revertOfANewBuilding()),
			// a run far ahead, so that the test server does not run it
			Map.entry("runJob", (test, role) -> new Call(
					"mutation { runJob(input: { name: \"test-slow\", at: \"2999-01-01T00:00:00Z\" }) { job { id status } errors { code } } }",
					payload -> assertThat(((Map<String, Object>) payload.get("job")).get("status")).isEqualTo("SCHEDULED"))),
			Map.entry("cancelJob", (test, role) -> {
				long run = test.data().insert("INSERT INTO job (name, status, scheduled_at) VALUES ('test-slow', 'SCHEDULED', '2999-01-01T00:00:00Z') RETURNING id");
				return new Call("mutation { cancelJob(input: { id: \"" + GlobalId.encode("Job", run)
						+ "\", version: 0 }) { job { status } errors { code } } }",
						payload -> assertThat(test.jdbc.queryForObject("SELECT status FROM job WHERE id = ?", String.class, run))
							.isEqualTo("ERRORED"));
			}),
			Map.entry("changeHostStatus", (test, role) -> {
				long host = test.data().host("withdrawn-by-" + role.toLowerCase(), null, "ACTIVE");
				return new Call("mutation { changeHostStatus(input: { id: \"" + GlobalId.encode("Host", host)
						+ "\", version: 0, status: INACTIVE }) { host { status } errors { code } } }",
						payload -> assertThat(test.jdbc.queryForObject("SELECT status FROM host WHERE id = ?", String.class, host))
							.isEqualTo("INACTIVE"));
			}),
			Map.entry("startLoan", (test, role) -> {
				long host = test.data().host("lent-by-" + role.toLowerCase(), null, "ACTIVE");
				return new Call("mutation { startLoan(input: { host: \"" + GlobalId.encode("Host", host)
						+ "\", borrower: \"Ada\" }) { loan { id } errors { code } } }",
						payload -> assertThat(test.jdbc.queryForObject("SELECT status FROM host WHERE id = ?", String.class, host))
							.isEqualTo("ON_LOAN"));
			}),
			Map.entry("returnLoan", (test, role) -> {
				long host = test.data().host("returned-by-" + role.toLowerCase(), null, "ON_LOAN");
				long loan = test.data().insert("INSERT INTO loan (host_id, borrower, starts_at) VALUES (?, 'Ada', now()) RETURNING id",
						host);
				return new Call("mutation { returnLoan(input: { id: \"" + GlobalId.encode("Loan", loan)
						+ "\", version: 0 }) { loan { id } errors { code } } }",
						payload -> assertThat(test.jdbc.queryForObject("SELECT status FROM host WHERE id = ?", String.class, host))
							.isEqualTo("ACTIVE"));
			}),
			Map.entry("disableToken", (test, role) -> test.toggle(role, "disableToken", true, false)),
			Map.entry("enableToken", (test, role) -> test.toggle(role, "enableToken", false, true)),
			Map.entry("deleteToken", (test, role) -> {
				var id = test.ownToken(role, true);
				return new Call("mutation { deleteToken(input: { id: \"" + id + "\", version: 0 }) { deletedId errors { code } } }",
						payload -> {
							assertThat(payload.get("deletedId")).isEqualTo(id);
							assertThat(test.tokenExists(id)).as("the token is gone").isFalse();
						});
			}),
			Map.entry("registerAgent", (test, role) -> {
				var name = test.data().name("agent-of-" + role);
				return new Call("mutation { registerAgent(input: { name: \"" + name + "\" }) { key agent { name token { role } } errors { code } } }",
						payload -> {
							assertThat((String) payload.get("key")).startsWith("cores_");
							assertThat(((Map<String, Object>) payload.get("agent")).get("name")).isEqualTo(name);
							assertThat(test.jdbc.queryForObject("SELECT count(*) FROM agent WHERE name = ?", Integer.class, name))
								.isEqualTo(1);
						});
			}),
			Map.entry("addGroupMember", (test, role) -> test.membership(role, "addGroupMember", false)),
			Map.entry("removeGroupMember", (test, role) -> test.membership(role, "removeGroupMember", true)),
			Map.entry("tagObject", (test, role) -> test.tagging(role, "tagObject", false)),
			Map.entry("untagObject", (test, role) -> test.tagging(role, "untagObject", true)),
			Map.entry("createJournalEntry", (test, role) -> {
				long building = test.data().building(test.data().name("journaled-by-" + role));
				var comments = test.data().name("note-by-" + role);
				return new Call("mutation { createJournalEntry(input: { object: \"" + GlobalId.encode("Building", building)
						+ "\", kind: WARNING, comments: \"" + comments + "\" }) { journalEntry { id } errors { code } } }",
						payload -> assertThat(test.jdbc.queryForObject("SELECT author_id FROM journal_entry WHERE comments = ?",
								Long.class, comments)).isEqualTo(test.principal(role)));
			}),
			Map.entry("updateJournalEntry", (test, role) -> {
				long entry = test.ownJournalEntry(role);
				return new Call("mutation { updateJournalEntry(input: { id: \"" + GlobalId.encode("JournalEntry", entry)
						+ "\", version: 0, comments: \"changed\" }) { journalEntry { id } errors { code } } }",
						payload -> assertThat(test.jdbc.queryForObject("SELECT comments FROM journal_entry WHERE id = ?",
								String.class, entry)).isEqualTo("changed"));
			}),
			Map.entry("deleteJournalEntry", (test, role) -> {
				long entry = test.ownJournalEntry(role);
				return new Call("mutation { deleteJournalEntry(input: { id: \"" + GlobalId.encode("JournalEntry", entry)
						+ "\", version: 0 }) { deletedId errors { code } } }",
						payload -> assertThat(test.jdbc.queryForObject("SELECT count(*) FROM journal_entry WHERE id = ?",
								Integer.class, entry)).isZero());
			}),
			Map.entry("createBooking", (test, role) -> test.placeHold(role, "createBooking", "booking", "end: \"2999-01-02T00:00:00Z\"")),
			Map.entry("createReservation", (test, role) -> test.placeHold(role, "createReservation", "reservation", "")),
			Map.entry("updateBooking", (test, role) -> test.commentOnHold(role, "updateBooking", "booking", "BOOKING")),
			Map.entry("updateReservation", (test, role) -> test.commentOnHold(role, "updateReservation", "reservation", "RESERVATION")),
			Map.entry("cancelBooking", (test, role) -> test.cancelHold(role, "cancelBooking", "booking", "BOOKING")),
			Map.entry("cancelReservation", (test, role) -> test.cancelHold(role, "cancelReservation", "reservation", "RESERVATION")),
			Map.entry("endReservation", (test, role) -> {
				var id = test.ownHold(role, "RESERVATION", OffsetDateTime.now().minusHours(1), null);
				return new Call("mutation { endReservation(input: { id: \"" + id + "\", version: 0 }) { reservation { id end } errors { code } } }",
						payload -> assertThat(test.jdbc.queryForObject("SELECT ends_at IS NOT NULL FROM hold WHERE id = ?", Boolean.class,
								GlobalId.decode(id, "id").key())).as("ended").isTrue());
			}),
			Map.entry("deleteBooking", (test, role) -> test.deleteHold(role, "deleteBooking", "BOOKING")),
			Map.entry("deleteReservation", (test, role) -> test.deleteHold(role, "deleteReservation", "RESERVATION")),
			Map.entry("ingestScan", (test, role) -> test.firstSighting(role)),
			Map.entry("resolveScanConflict", (test, role) -> {
				long conflict = test.unknownConflict();
				return new Call("mutation { resolveScanConflict(input: { id: \"" + GlobalId.encode("ScanConflict", conflict)
						+ "\", version: 0, resolution: ACCEPT }) { scanConflict { status } errors { code } } }",
						payload -> {
							assertThat(payload.get("scanConflict")).isEqualTo(Map.of("status", "RESOLVED"));
							assertThat(test.conflictStatus(conflict)).isEqualTo("RESOLVED");
							assertThat(test.jdbc.queryForObject("SELECT count(*) FROM nic n JOIN scan_conflict c ON c.mac = n.mac "
									+ "WHERE c.id = ?", Integer.class, conflict)).as("its NIC created").isEqualTo(1);
						});
			}),
			Map.entry("bulkResolveScanConflict", (test, role) -> {
				var conflicts = List.of(test.unknownConflict(), test.unknownConflict());
				var items = conflicts.stream().map(c -> "{ id: \"" + GlobalId.encode("ScanConflict", c) + "\", version: 0 }").toList();
				return new Call("mutation { bulkResolveScanConflict(input: { items: [" + String.join(", ", items)
						+ "], resolution: IGNORE }) { scanConflicts { id } errors { code } } }",
						payload -> assertThat(conflicts.stream().map(test::conflictStatus)).containsExactly("IGNORED", "IGNORED"));
			}));

	/** An UNKNOWN conflict raised by a real scan, entered by an admin. */
	private long unknownConflict() {
		var answer = asAdmin().document("mutation($mac: String!) { ingestScan(input: { agent: \"" + data().name("agent")
				+ "\", results: [{ mac: $mac, ip: \"192.0.2.99\" }] }) { conflictsCreated { conflict { id } } errors { code } } }")
			.variable("mac", data().mac()).execute();
		answer.path("ingestScan.errors").entityList(Object.class).hasSize(0);
		var id = answer.path("ingestScan.conflictsCreated[0].conflict.id").entity(String.class).get();
		return GlobalId.decodeKey(id, "ScanConflict", "id");
	}

	private String conflictStatus(long conflict) {
		return jdbc.queryForObject("SELECT status FROM scan_conflict WHERE id = ?", String.class, conflict);
	}

	/**
	 * A scan (an admin names the agent, an agent posts as itself) in which a NEW host's NIC
	 * answers for the first time: it takes the ip and the host goes ACTIVE.
	 */
	private Call firstSighting(String role) {
		long host = data().host("first-seen-by-" + role.toLowerCase(), null, "NEW");
		var mac = data().mac();
		long nic = data().nic(host, mac, null, true, null);
		var agent = role.equals("AGENT") ? "" : "agent: \"" + data().name("agent") + "\", ";
		return new Call("mutation { ingestScan(input: { " + agent + "results: [{ mac: \"" + mac
				+ "\", ip: \"192.0.2.77\" }] }) { session { agent } responses { outcome } errors { code } } }",
				payload -> {
					assertThat(payload.get("session")).isEqualTo(Map.of("agent", data().name("agent")));
					assertThat(payload.get("responses")).isEqualTo(List.of(Map.of("outcome", "IP_ACCEPTED")));
					assertThat(jdbc.queryForObject("SELECT host(ip) FROM nic WHERE id = ?", String.class, nic)).isEqualTo("192.0.2.77");
					assertThat(jdbc.queryForObject("SELECT status FROM host WHERE id = ?", String.class, host)).isEqualTo("ACTIVE");
				});
	}

	/** Adding a fresh user to a fresh group, or removing them from it, checked in the table. */
	private Call membership(String role, String mutation, boolean memberBefore) {
		long group = data().insert("INSERT INTO user_group (name) VALUES (?) RETURNING id", data().name("group-of-" + role + "-" + mutation));
		long user = data().user("member-of-" + role + "-" + mutation);
		if (memberBefore) {
			jdbc.update("INSERT INTO group_membership (user_id, group_id) VALUES (?, ?)", user, group);
		}
		return new Call("mutation { " + mutation + "(input: { group: \"" + GlobalId.encode("Group", group) + "\", user: \""
				+ GlobalId.encode("User", user) + "\" }) { group { id } errors { code } } }",
				payload -> assertThat(jdbc.queryForList("SELECT source FROM group_membership WHERE user_id = ? AND group_id = ?",
						String.class, user, group)).isEqualTo(memberBefore ? List.of() : List.of("LOCAL")));
	}

	/** Tagging a fresh host, or untagging it, checked in the table. */
	private Call tagging(String role, String mutation, boolean taggedBefore) {
		long tag = data().tag("tag-of-" + role + "-" + mutation);
		long host = data().host("tagged-by-" + role.toLowerCase() + "-" + mutation.toLowerCase(), null, "ACTIVE");
		if (taggedBefore) {
			data().tagObject(tag, "Host", host);
		}
		return new Call("mutation { " + mutation + "(input: { tag: \"" + GlobalId.encode("Tag", tag) + "\", object: \""
				+ GlobalId.encode("Host", host) + "\" }) { tag { id } errors { code } } }",
				payload -> assertThat(jdbc.queryForObject("SELECT count(*) FROM tagged_item WHERE tag_id = ? AND object_id = ?",
						Integer.class, tag, host)).isEqualTo(taggedBefore ? 0 : 1));
	}

	/** The user behind the principal of this role. */
	private long principal(String role) {
		return jdbc.queryForObject("SELECT owner_id FROM api_token WHERE key_hash = ?", Long.class,
				io.cores.identity.internal.TokenKeys.hash(keys.get(role)));
	}

	/** A journal entry on a fresh building, written by the principal of this role. */
	private long ownJournalEntry(String role) {
		long building = data().building(data().name("noted-" + role + "-" + java.util.UUID.randomUUID()));
		return data().insert("INSERT INTO journal_entry (object_type, object_id, author_id, comments) VALUES ('Building', ?, ?, 'note') "
				+ "RETURNING id", building, principal(role));
	}

	/** An active bookable of its own, so that holds of different calls never meet. */
	private long freshBookable() {
		return data().bookable(data().host("pm-" + java.util.UUID.randomUUID().toString().substring(0, 8), null, "ACTIVE"), "ACTIVE");
	}

	/** A hold of the principal's own on a fresh bookable, written to the table; its global id. */
	private String ownHold(String role, String kind, OffsetDateTime start, OffsetDateTime end) {
		long key = kind.equals("BOOKING") ? data().booking(freshBookable(), principal(role), start, end)
				: data().reservation(freshBookable(), principal(role), start, end);
		return GlobalId.encode(kind.equals("BOOKING") ? "Booking" : "Reservation", key);
	}

	private Call placeHold(String role, String mutation, String field, String end) {
		var bookable = GlobalId.encode("Bookable", freshBookable());
		return new Call("mutation { " + mutation + "(input: { bookable: \"" + bookable + "\", start: \"2999-01-01T00:00:00Z\" " + end
				+ " }) { " + field + " { id owner { id } } errors { code } } }", payload -> {
					var hold = (Map<String, Object>) payload.get(field);
					assertThat(((Map<String, Object>) hold.get("owner")).get("id")).as("the caller owns it")
						.isEqualTo(GlobalId.encode("User", principal(role)));
					assertThat(jdbc.queryForObject("SELECT count(*) FROM hold WHERE id = ?", Integer.class,
							GlobalId.decode((String) hold.get("id"), "id").key())).isEqualTo(1);
				});
	}

	private Call commentOnHold(String role, String mutation, String field, String kind) {
		var id = ownHold(role, kind, OffsetDateTime.now().plusDays(1), OffsetDateTime.now().plusDays(2));
		var comment = data().name("note-" + role);
		return new Call("mutation { " + mutation + "(input: { id: \"" + id + "\", version: 0, comment: \"" + comment + "\" }) { "
				+ field + " { id version } errors { code } } }",
				payload -> assertThat(jdbc.queryForObject("SELECT comment FROM hold WHERE id = ?", String.class,
						GlobalId.decode(id, "id").key())).isEqualTo(comment));
	}

	private Call cancelHold(String role, String mutation, String field, String kind) {
		var id = ownHold(role, kind, OffsetDateTime.now().plusDays(1), OffsetDateTime.now().plusDays(2));
		return new Call("mutation { " + mutation + "(input: { id: \"" + id + "\", version: 0 }) { " + field
				+ " { id cancelledAt } errors { code } } }",
				payload -> assertThat(jdbc.queryForObject("SELECT cancelled_at IS NOT NULL FROM hold WHERE id = ?", Boolean.class,
						GlobalId.decode(id, "id").key())).as("cancelled").isTrue());
	}

	private Call deleteHold(String role, String mutation, String kind) {
		var id = ownHold(role, kind, OffsetDateTime.now().plusDays(1), OffsetDateTime.now().plusDays(2));
		return new Call("mutation { " + mutation + "(input: { id: \"" + id + "\", version: 0 }) { deletedId errors { code } } }",
				payload -> {
					assertThat(payload.get("deletedId")).isEqualTo(id);
					assertThat(jdbc.queryForObject("SELECT count(*) FROM hold WHERE id = ?", Integer.class,
							GlobalId.decode(id, "id").key())).as("the hold is gone").isZero();
				});
	}

	/** The generic write type that serves this mutation, if one does. */
	private io.cores.platform.graphql.write.WriteType<?> generic(String mutation) {
		return writable.stream().filter(t -> List.of(t.createField(), t.updateField(), t.deleteField(), t.bulkUpdateField(),
				t.bulkDeleteField()).contains(mutation))
			.findFirst().orElse(null);
	}

	/** A real create, update or delete of a generic type, with its effect checked. */
	private java.util.function.BiFunction<PermissionMatrixTest, String, Call> genericScenario(
			io.cores.platform.graphql.write.WriteType<?> type, String mutation) {
		var samples = new io.cores.support.WriteSamples(asAdmin(), data(), nodeTypes);
		if (mutation.equals(type.createField())) {
			return (test, role) -> new Call("mutation { " + mutation + "(input: " + literal(type, samples.createInput(type)) + ") { "
					+ type.payloadField() + " { id } errors { code } } }",
					payload -> assertThat(((Map<String, Object>) payload.get(type.payloadField())).get("id")).isNotNull());
		}
		if (mutation.equals(type.updateField())) {
			return (test, role) -> {
				var id = samples.create(type);
				var field = type.fields().values().stream().filter(f -> f.type() == String.class && !f.isReference())
					.findFirst().orElseThrow();
				var value = samples.value(type, field);
				return new Call("mutation { " + mutation + "(input: { id: \"" + id + "\", version: 0, " + field.name() + ": \""
						+ value + "\" }) { " + type.payloadField() + " { id version " + field.name() + " } errors { code } } }",
						payload -> assertThat((Map<String, Object>) payload.get(type.payloadField()))
							.containsEntry("id", id).containsEntry("version", 1).containsEntry(field.name(), value));
			};
		}
		if (mutation.equals(type.bulkUpdateField())) {
			return (test, role) -> {
				var ids = List.of(samples.create(type), samples.create(type));
				var field = WriteSamples.sharedField(type);
				var plural = nodeTypes.get(type.name()).plural();
				var patch = new LinkedHashMap<String, Object>();
				patch.put(field.name(), samples.sharedValue(type, field));
				return new Call("mutation { " + mutation + "(input: { items: " + items(ids) + ", patch: " + literal(type, patch)
						+ " }) { " + plural + " { id } errors { code } } }",
						payload -> assertThat((List<Map<String, Object>>) payload.get(plural)).extracting(o -> o.get("id"))
							.containsExactlyElementsOf(ids));
			};
		}
		if (mutation.equals(type.bulkDeleteField())) {
			return (test, role) -> {
				var ids = List.of(samples.create(type), samples.create(type));
				return new Call("mutation { " + mutation + "(input: { items: " + items(ids) + " }) { deletedIds errors { code } } }",
						payload -> assertThat(payload.get("deletedIds")).isEqualTo(ids));
			};
		}
		return (test, role) -> {
			var id = samples.create(type);
			return new Call("mutation { " + mutation + "(input: { id: \"" + id + "\", version: 0 }) { deletedId errors { code } } }",
					payload -> assertThat(payload.get("deletedId")).isEqualTo(id));
		};
	}

	private static String items(List<String> ids) {
		return "[" + String.join(", ", ids.stream().map(id -> "{ id: \"" + id + "\", version: 0 }").toList()) + "]";
	}

	/** An input object as a GraphQL literal; enum values unquoted. */
	private static String literal(io.cores.platform.graphql.write.WriteType<?> type, Map<String, Object> input) {
		var parts = new ArrayList<String>();
		input.forEach((name, value) -> parts.add(name + ": " + (type.fields().get(name).type().isEnum() ? value : literal(value))));
		return "{ " + String.join(", ", parts) + " }";
	}

	private static String literal(Object value) {
		if (value instanceof String text) {
			return "\"" + text + "\"";
		}
		if (value instanceof List<?> list) {
			return "[" + String.join(", ", list.stream().map(PermissionMatrixTest::literal).toList()) + "]";
		}
		return String.valueOf(value);
	}

	/** Undoing the creation of a building made for it: the building is gone. */
	private Call revertOfANewBuilding() {
		var name = data().name("reverted-" + java.util.UUID.randomUUID().toString().substring(0, 6));
		long building = data().building(name.substring(data().prefix().length() + 1));
		long change = data().insert("INSERT INTO object_change (action, object_type, object_id, object_repr, data_after) "
				+ "VALUES ('CREATE', 'Building', ?, ?, ?::jsonb) RETURNING id", building, name,
				io.cores.platform.persistence.Json.write(Map.of("name", name)));
		return new Call("mutation { revertChange(input: { id: \"" + GlobalId.encode("ObjectChange", change) + "\" }) { node { id } errors { code } } }",
				payload -> assertThat(jdbc.queryForObject("SELECT count(*) FROM building WHERE id = ?", Integer.class, building))
					.isZero());
	}

	/** Disabling or enabling a token of the caller's own, checked in the payload and the table. */
	private Call toggle(String role, String mutation, boolean enabledBefore, boolean enabledAfter) {
		var id = ownToken(role, enabledBefore);
		return new Call("mutation { " + mutation + "(input: { id: \"" + id + "\", version: 0 }) { token { id enabled } errors { code } } }",
				payload -> {
					assertThat(((Map<String, Object>) payload.get("token")).get("enabled")).isEqualTo(enabledAfter);
					assertThat(jdbc.queryForObject("SELECT enabled FROM api_token WHERE id = ?", Boolean.class,
							GlobalId.decodeKey(id, "Token", "id"))).isEqualTo(enabledAfter);
				});
	}

	/** A fresh token owned by the principal of this role; its global id. */
	private String ownToken(String role, boolean enabled) {
		long owner = jdbc.queryForObject("SELECT owner_id FROM api_token WHERE key_hash = ?", Long.class,
				io.cores.identity.internal.TokenKeys.hash(keys.get(role)));
		var key = data().token(owner, "USER", false, enabled, null);
		return GlobalId.encode("Token", jdbc.queryForObject("SELECT id FROM api_token WHERE key_hash = ?", Long.class,
				io.cores.identity.internal.TokenKeys.hash(key)));
	}

	private String tokenComments(Object id) {
		return jdbc.queryForObject("SELECT comment FROM api_token WHERE id = ?", String.class,
				GlobalId.decodeKey((String) id, "Token", "id"));
	}

	private boolean tokenExists(String id) {
		return jdbc.queryForObject("SELECT count(*) FROM api_token WHERE id = ?", Integer.class,
				GlobalId.decodeKey(id, "Token", "id")) > 0;
	}

	private static void expectRefused(String classification, String expected, String what) {
		assertThat(classification).as(what).isEqualTo(expected);
	}

	/** The classification of the response's first error, or null when it has none. */
	private String graphQlError(String authorization, String document) {
		return classification(post(authorization, document));
	}

	private static String classification(Map<String, Object> answer) {
		var errors = (List<Map<String, Object>>) answer.get("errors");
		if (errors == null || errors.isEmpty()) {
			return null;
		}
		return String.valueOf(((Map<String, Object>) errors.get(0).get("extensions")).get("classification"));
	}

	private Map<String, Object> post(String authorization, String document) {
		return client().post().headers(h -> {
			if (authorization != null) {
				h.set("Authorization", authorization);
			}
		}).bodyValue(Map.of("query", document)).exchange()
			.expectStatus().isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			}).returnResult().getResponseBody();
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
		return new SchemaIntrospection(asAdmin()).types();
	}
}

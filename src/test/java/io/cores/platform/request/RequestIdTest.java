package io.cores.platform.request;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One id per request: taken from a valid X-Request-Id or generated, answered as a header,
 * carried by every error, every log line and every change-log record of the request.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTest extends ApiTest {

	@AfterEach
	void dropTrap() {
		jdbc.execute("DROP TRIGGER IF EXISTS agent_trap ON agent");
		jdbc.execute("DROP FUNCTION IF EXISTS agent_trap()");
	}

	@Test
	void aRequestWithoutAnIdGetsAFreshOneAsAHeader() {
		var first = headerOf(post(null, "{ __typename }"));
		var second = headerOf(post(null, "{ __typename }"));
		assertThat(UUID.fromString(first)).isNotEqualTo(UUID.fromString(second));
	}

	@Test
	void aValidIncomingIdIsKeptAndAnInvalidOneReplaced() {
		var mine = UUID.randomUUID().toString();
		assertThat(headerOf(post(mine, "{ __typename }"))).isEqualTo(mine);
		// anything but a UUID could not be stored with the change log, or could forge log text
		var answered = headerOf(post("not-a-uuid] FAKE LOG TEXT", "{ __typename }"));
		assertThat(UUID.fromString(answered).toString()).doesNotContain("FAKE");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyErrorOfTheRequestCarriesItsId() {
		var mine = UUID.randomUUID().toString();
		long other = data().user("other");
		// a field refused by its guard and a bad argument, in one request
		var body = post(mine, "{ user(id: \"" + io.cores.platform.graphql.GlobalId.encode("User", other)
				+ "\") { email } hosts(first: 501) { totalCount } }")
			.expectStatus().isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			}).returnResult().getResponseBody();
		var errors = (List<Map<String, Object>>) body.get("errors");
		assertThat(errors).hasSize(2);
		assertThat(errors).allSatisfy(e -> assertThat(((Map<String, Object>) e.get("extensions")).get("requestId"))
			.isEqualTo(mine));
		// and a document that fails validation, before anything runs
		post(mine, "{ hostz }").expectBody().jsonPath("$.errors[0].extensions.requestId").isEqualTo(mine);
	}

	@Test
	void refusalsBeforeGraphQlCarryItToo() {
		var mine = UUID.randomUUID().toString();
		client().post().header("Authorization", "Token cores_no-such-key").header(RequestId.HEADER, mine)
			.bodyValue(Map.of("query", "{ __typename }")).exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().valueEquals(RequestId.HEADER, mine)
			.expectBody().jsonPath("$.errors[0].extensions.requestId").isEqualTo(mine);
		client().post().header(RequestId.HEADER, mine).header("Content-Type", "application/json")
			.bodyValue("{ not json").exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].extensions.requestId").isEqualTo(mine);
	}

	@Test
	void allChangeLogRecordsOfOneRequestShareItsId() {
		var mine = UUID.randomUUID().toString();
		var name = data().name("scanner");
		client().post().header("Authorization", "Token " + ADMIN_KEY).header(RequestId.HEADER, mine)
			.bodyValue(Map.of("query", "mutation($input: RegisterAgentInput!) { registerAgent(input: $input) { key } }",
					"variables", Map.of("input", Map.of("name", name))))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.data.registerAgent.key").isNotEmpty();
		var records = jdbc.queryForList("SELECT object_type, request_id::text AS request_id FROM object_change "
				+ "WHERE request_id = ?::uuid ORDER BY id", mine);
		assertThat(records).extracting(r -> r.get("object_type")).containsExactly("Token", "Agent");
		// readable and filterable through the API as well
		asAdmin().document("query($id: String!) { objectChanges(filter: { requestId: { eq: $id } }) { nodes { objectType requestId } } }")
			.variable("id", mine).execute()
			.path("objectChanges.nodes[*].requestId").entityList(String.class).containsExactly(mine, mine);
	}

	@Test
	void anUnexpectedFailureIsLoggedAndAnsweredUnderTheRequestId(CapturedOutput output) {
		var mine = UUID.randomUUID().toString();
		var name = data().name("trapped");
		jdbc.execute("""
				CREATE FUNCTION agent_trap() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    IF NEW.name = '%s' THEN RAISE EXCEPTION 'trapped'; END IF;
				    RETURN NEW;
				END $$""".formatted(name));
		jdbc.execute("CREATE TRIGGER agent_trap BEFORE INSERT ON agent FOR EACH ROW EXECUTE FUNCTION agent_trap()");
		client().post().header("Authorization", "Token " + ADMIN_KEY).header(RequestId.HEADER, mine)
			.bodyValue(Map.of("query", "mutation($input: RegisterAgentInput!) { registerAgent(input: $input) { key } }",
					"variables", Map.of("input", Map.of("name", name))))
			.exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("INTERNAL_ERROR")
			.jsonPath("$.errors[0].extensions.correlationId").isEqualTo(mine)
			.jsonPath("$.errors[0].message").isEqualTo("Unexpected error; correlation id " + mine);
		assertThat(output.getAll().lines().filter(line -> line.contains("Unexpected failure")))
			.as("the log line of the failure names the request").anySatisfy(line -> assertThat(line).contains("[" + mine + "]"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void eachOperationOverAWebSocketHasItsOwnId() throws Exception {
		long other = data().user("other");
		var query = "{ user(id: \"" + io.cores.platform.graphql.GlobalId.encode("User", other) + "\") { email } }";
		var ids = new java.util.ArrayList<String>();
		try (var socket = io.cores.support.GraphQlSocket.connect(port())) {
			socket.send(Map.of("type", "connection_init"));
			assertThat(socket.next().get("type")).isEqualTo("connection_ack");
			for (var operation : List.of("1", "2")) {
				socket.send(Map.of("type", "subscribe", "id", operation, "payload", Map.of("query", query)));
				var next = socket.next();
				assertThat(next.get("id")).isEqualTo(operation);
				var errors = (List<Map<String, Object>>) ((Map<String, Object>) next.get("payload")).get("errors");
				ids.add((String) ((Map<String, Object>) errors.get(0).get("extensions")).get("requestId"));
				assertThat(socket.next().get("type")).isEqualTo("complete");
			}
		}
		assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
		ids.forEach(UUID::fromString);
	}

	private WebTestClient.ResponseSpec post(String requestId, String query) {
		return client().post().headers(h -> {
			if (requestId != null) {
				h.set(RequestId.HEADER, requestId);
			}
		}).bodyValue(Map.of("query", query)).exchange();
	}

	private static String headerOf(WebTestClient.ResponseSpec response) {
		return response.expectStatus().isOk().returnResult(String.class).getResponseHeaders().getFirst(RequestId.HEADER);
	}
}

package io.cores.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

import io.cores.identity.internal.TokenKeys;
import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating and managing tokens and agents through the API, with the rules of SPEC.md. */
@SuppressWarnings("unchecked")
class TokenManagementTest extends ApiTest {

	private static final String CREATE = """
			mutation($input: CreateTokenInput!) {
			  createToken(input: $input) { key token { id version role readOnly owner { username } } errors { field message code } }
			}""";

	@Test
	void aCreatedTokensKeyWorksOnceShownAndOnlyItsHashIsStored() {
		var user = data().tokenFor("maker", "STAFF");
		var payload = create(user, Map.of("comment", "ci", "role", "USER"));
		var key = (String) payload.get("key");
		assertThat(key).startsWith("cores_");
		graphQl("Token " + key).document("{ me { username } }").execute()
			.path("me.username").entity(String.class).isEqualTo(data().name("maker"));
		assertThat(columnsHolding(key)).as("columns holding the key in clear").isEmpty();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token WHERE key_hash = ?", Integer.class, TokenKeys.hash(key)))
			.isOne();
		graphQl("Token " + user).document("query($id: ID!) { token(id: $id) { keyPrefix } }")
			.variable("id", ((Map<?, ?>) payload.get("token")).get("id")).execute()
			.path("token.keyPrefix").entity(String.class).satisfies(prefix -> assertThat(key).startsWith(prefix));
	}

	@Test
	void aTokenMayNotGrantMoreThanItsOwnersRole() {
		var user = data().tokenFor("modest", "USER");
		var payload = create(user, Map.of("role", "ADMIN"));
		assertThat(payload.get("token")).isNull();
		assertThat(payload.get("key")).isNull();
		assertThat(errorCodes(payload)).containsExactly("INVALID");
	}

	@Test
	void aReadOnlyTokenReadsButMayNotWrite() {
		var user = data().tokenFor("reader", "ADMIN");
		var key = (String) create(user, Map.of("readOnly", true)).get("key");
		graphQl("Token " + key).document("{ me { username } }").execute().path("me.username").hasValue();
		graphQl("Token " + key).document(CREATE).variable("input", Map.of()).execute().errors()
			.expect(e -> "FORBIDDEN".equals(String.valueOf(e.getExtensions().get("classification")))).verify();
	}

	@Test
	void aUserManagesOnlyTheirOwnTokensAndADisabledTokenStopsWorking() {
		var alice = data().tokenFor("alice", "USER");
		var bob = data().tokenFor("bob", "USER");
		var token = (Map<String, Object>) create(alice, Map.of("comment", "laptop")).get("token");
		var key = (String) create(alice, Map.of()).get("key");
		var input = Map.of("id", token.get("id"), "version", token.get("version"));

		var foreign = graphQl("Token " + bob).document("mutation($input: DisableTokenInput!) { disableToken(input: $input) { token { id } errors { code } } }")
			.variable("input", input).execute().path("disableToken.errors[*].code").entityList(String.class).get();
		assertThat(foreign).containsExactly("NOT_FOUND");

		graphQl("Token " + alice).document("mutation($input: DisableTokenInput!) { disableToken(input: $input) { token { id } errors { code } } }")
			.variable("input", input).execute().path("disableToken.errors").entityList(Object.class).hasSize(0);
		graphQl("Token " + alice).document("mutation($input: EnableTokenInput!) { enableToken(input: $input) { errors { code } } }")
			.variable("input", input).execute().path("enableToken.errors[*].code").entityList(String.class).containsExactly("STALE_VERSION");

		var own = jdbc.queryForObject("SELECT id FROM api_token WHERE key_hash = ?", Long.class, TokenKeys.hash(key));
		var version = jdbc.queryForObject("SELECT version FROM api_token WHERE id = ?", Integer.class, own);
		graphQl("Token " + alice).document("mutation($input: DisableTokenInput!) { disableToken(input: $input) { errors { code } } }")
			.variable("input", Map.of("id", GlobalId.encode("Token", own), "version", version)).execute()
			.path("disableToken.errors").entityList(Object.class).hasSize(0);
		client().post().header("Authorization", "Token " + key).bodyValue(Map.of("query", "{ me { username } }")).exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void anAdminRegistersAnAgentWhoseTokenMayOnlyIngest() {
		var name = data().name("scanner");
		var payload = asAdmin().document("""
				mutation($input: RegisterAgentInput!) {
				  registerAgent(input: $input) { key agent { name metadata token { role } } errors { code } }
				}""").variable("input", Map.of("name", name, "metadata", Map.of("version", "1.2"))).execute()
			.path("registerAgent").entity(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
		var agent = (Map<String, Object>) payload.get("agent");
		assertThat(agent.get("name")).isEqualTo(name);
		assertThat(((Map<?, ?>) agent.get("token")).get("role")).isEqualTo("AGENT");
		graphQl("Token " + payload.get("key")).document("{ hosts(first: 1) { totalCount } }").execute().errors()
			.expect(e -> "FORBIDDEN".equals(String.valueOf(e.getExtensions().get("classification")))).verify();

		var again = asAdmin().document("mutation($input: RegisterAgentInput!) { registerAgent(input: $input) { agent { name } errors { code } } }")
			.variable("input", Map.of("name", name)).execute()
			.path("registerAgent.errors[*].code").entityList(String.class).get();
		assertThat(again).containsExactly("NOT_UNIQUE");
	}

	@Test
	void everyTokenChangeIsInTheChangeLogWithoutTheKey() {
		var user = data().tokenFor("logged", "USER");
		var payload = create(user, Map.of("comment", "audited"));
		var id = (String) ((Map<?, ?>) payload.get("token")).get("id");
		asAdmin().document("""
				query($id: ID!) { objectChanges(filter: { objectId: { eq: $id } }) { nodes { action userName dataAfter } } }""")
			.variable("id", id).execute()
			.path("objectChanges.nodes[0].action").entity(String.class).isEqualTo("CREATE")
			.path("objectChanges.nodes[0].userName").entity(String.class).isEqualTo(data().name("logged"))
			.path("objectChanges.nodes[0].dataAfter.comment").entity(String.class).isEqualTo("audited");
		assertThat(columnsHolding((String) payload.get("key"))).isEmpty();
	}

	private Map<String, Object> create(String key, Map<String, Object> input) {
		return graphQl("Token " + key).document(CREATE).variable("input", input).execute().path("createToken")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
	}

	@SuppressWarnings("unchecked")
	private static List<String> errorCodes(Map<String, Object> payload) {
		return ((List<Map<String, Object>>) payload.get("errors")).stream().map(e -> (String) e.get("code")).toList();
	}

	/** Every text or JSON column of every table that holds {@code secret} anywhere in its value. */
	private List<String> columnsHolding(String secret) {
		var columns = jdbc.queryForList("""
				SELECT table_name, column_name FROM information_schema.columns
				WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json')""");
		return columns.stream()
			.filter(c -> jdbc.queryForObject("SELECT count(*) FROM " + c.get("table_name") + " WHERE "
					+ c.get("column_name") + "::text LIKE ?", Integer.class, "%" + secret.substring(6) + "%") > 0)
			.map(c -> c.get("table_name") + "." + c.get("column_name"))
			.toList();
	}
}

package io.cores.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Users, groups, tokens and agents, and how they lead to each other. */
class IdentityTest extends ApiTest {

	@Test
	void userGroupsAndGroupMembersMirrorTheMemberships() {
		long ada = data().user("ada");
		long bob = data().user("bob");
		data().user("carol");
		long staff = group("staff", "STAFF");
		long ops = group("ops", null);
		member(ada, staff);
		member(ada, ops);
		member(bob, staff);

		graphQl().document("""
				query($id: ID!) { user(id: $id) { groups(orderBy: [{ field: NAME }]) { totalCount nodes { name role } } } }""")
			.variable("id", GlobalId.encode("User", ada)).execute()
			.path("user.groups.nodes[*].name").entityList(String.class).containsExactly(data().name("ops"), data().name("staff"))
			.path("user.groups.nodes[*].role").entityList(String.class).containsExactly(null, "STAFF")
			.path("user.groups.totalCount").entity(Integer.class).isEqualTo(2);
		graphQl().document("""
				query($id: ID!) { group(id: $id) { members(orderBy: [{ field: USERNAME }]) { totalCount nodes { username } } } }""")
			.variable("id", GlobalId.encode("Group", staff)).execute()
			.path("group.members.nodes[*].username").entityList(String.class)
			.containsExactly(data().name("ada"), data().name("bob"))
			.path("group.members.totalCount").entity(Integer.class).isEqualTo(2);
	}

	@Test
	void usersFilterByTheirGroups() {
		long ada = data().user("ada");
		data().user("bob");
		member(ada, group("staff", "STAFF"));

		graphQl().document("""
				query($prefix: String!, $group: String!) {
				  users(filter: { username: { startsWith: $prefix }, groups: { some: { name: { eq: $group } } } }) {
				    nodes { username }
				  }
				}""").variable("prefix", data().prefix()).variable("group", data().name("staff")).execute()
			.path("users.nodes[*].username").entityList(String.class).containsExactly(data().name("ada"));
	}

	@Test
	void anAdminSeesATokensOwnerAndTheUserListsItsTokens() {
		long ada = data().user("ada");
		long token = token(ada, "adakey1", "USER");
		long other = token(data().user("bob"), "bobkey1", "USER");

		asAdmin().document("""
				query($id: ID!) { token(id: $id) { keyPrefix role enabled readOnly owner { id username } } }""")
			.variable("id", GlobalId.encode("Token", token)).execute()
			.path("token.owner.id").entity(String.class).isEqualTo(GlobalId.encode("User", ada))
			.path("token.owner.username").entity(String.class).isEqualTo(data().name("ada"))
			.path("token.keyPrefix").entity(String.class).isEqualTo("adakey1")
			.path("token.enabled").entity(Boolean.class).isEqualTo(true)
			.path("token.readOnly").entity(Boolean.class).isEqualTo(false);
		asAdmin().document("query($id: ID!) { user(id: $id) { tokens { nodes { id } } } }")
			.variable("id", GlobalId.encode("User", ada)).execute()
			.path("user.tokens.nodes[*].id").entityList(String.class).containsExactly(GlobalId.encode("Token", token))
			.doesNotContain(GlobalId.encode("Token", other));
	}

	@Test
	void theSchemaHasNoFieldForATokensKeyOrItsHash() {
		assertThat(introspect("{ __type(name: \"Token\") { fields { name } } }", "__type.fields[*].name"))
			.contains("keyPrefix", "owner", "role").noneMatch(IdentityTest::revealsTheKey);
		assertThat(introspect("{ __type(name: \"TokenFilter\") { inputFields { name } } }", "__type.inputFields[*].name"))
			.contains("keyPrefix").noneMatch(IdentityTest::revealsTheKey);
		assertThat(introspect("{ __type(name: \"TokenOrderField\") { enumValues { name } } }", "__type.enumValues[*].name"))
			.contains("KEY_PREFIX").noneMatch(name -> name.contains("HASH") || name.equals("KEY"));
	}

	@Test
	void anAdminSeesTheTokenAnAgentPostsWithAndTheTokenKnowsItsAgent() {
		long owner = data().user("scanbot");
		long token = token(owner, "agentk1", "AGENT");
		long agent = data().insert("""
				INSERT INTO agent (name, token_id, metadata) VALUES (?, ?, '{"version": "2.1", "interfaces": ["eth0", "eth1"]}')
				RETURNING id""", data().name("scanner"), token);
		long tokenWithoutAgent = token(owner, "plaink1", "USER");

		asAdmin().document("""
				query($id: ID!) { agent(id: $id) { name metadata token { id role owner { username } } } }""")
			.variable("id", GlobalId.encode("Agent", agent)).execute()
			.path("agent.token.id").entity(String.class).isEqualTo(GlobalId.encode("Token", token))
			.path("agent.token.role").entity(String.class).isEqualTo("AGENT")
			.path("agent.token.owner.username").entity(String.class).isEqualTo(data().name("scanbot"))
			.path("agent.metadata").entity(Map.class).isEqualTo(Map.of("version", "2.1", "interfaces", List.of("eth0", "eth1")));
		asAdmin().document("query($ids: [ID!]!) { nodes(ids: $ids) { ... on Token { agent { name } } } }")
			.variable("ids", List.of(GlobalId.encode("Token", token), GlobalId.encode("Token", tokenWithoutAgent))).execute()
			.path("nodes[0].agent.name").entity(String.class).isEqualTo(data().name("scanner"))
			.path("nodes[1].agent").valueIsNull();
	}

	@Test
	void anAgentWithoutATokenHasNone() {
		long agent = data().insert("INSERT INTO agent (name) VALUES (?) RETURNING id", data().name("retired"));

		graphQl().document("query($id: ID!) { agent(id: $id) { token { id } metadata } }")
			.variable("id", GlobalId.encode("Agent", agent)).execute()
			.path("agent.token").valueIsNull()
			.path("agent.metadata").entity(Map.class).isEqualTo(Map.of());
	}

	@Test
	void meIsNullForAnAnonymousRequest() {
		graphQl().document("{ me { id username } }").execute().path("me").valueIsNull();
	}

	/** One type per request: the server refuses introspection that repeats __type. */
	private List<String> introspect(String document, String path) {
		return graphQl().document(document).execute().path(path).entityList(String.class).get();
	}

	private static boolean revealsTheKey(String field) {
		var name = field.toLowerCase();
		return name.contains("hash") || name.equals("key") || name.equals("secret");
	}

	private long group(String name, String role) {
		return data().insert("INSERT INTO user_group (name, role) VALUES (?, ?) RETURNING id", data().name(name), role);
	}

	private void member(long user, long group) {
		jdbc.update("INSERT INTO group_membership (user_id, group_id) VALUES (?, ?)", user, group);
	}

	private long token(long owner, String keyPrefix, String role) {
		return data().insert("""
				INSERT INTO api_token (key_hash, key_prefix, owner_id, role) VALUES (?, ?, ?, ?) RETURNING id""",
				data().name(keyPrefix) + "-hash", keyPrefix, owner, role);
	}
}

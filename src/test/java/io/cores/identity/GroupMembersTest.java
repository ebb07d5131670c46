package io.cores.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.platform.persistence.Json;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memberships as admins write them: granted here they are LOCAL and logged on the group;
 * those from the groups claim are left to the identity provider.
 */
@SuppressWarnings("unchecked")
class GroupMembersTest extends ApiTest {

	private String admin;

	@BeforeEach
	void writer() {
		admin = "Token " + data().tokenFor("admin", "ADMIN");
	}

	@Test
	void aMemberAddedHereIsLocalAndLoggedOnTheGroupOnce() {
		long group = group("team");
		long user = data().user("joiner");
		var added = membership("addGroupMember", group, user);
		assertThat(errors(added)).isEmpty();
		assertThat(jdbc.queryForObject("SELECT source FROM group_membership WHERE group_id = ? AND user_id = ?", String.class,
				group, user)).isEqualTo("LOCAL");
		var record = jdbc.queryForMap("SELECT action, data_before::text AS before, data_after::text AS after FROM object_change "
				+ "WHERE object_type = 'Group' AND object_id = ?", group);
		assertThat(record).containsEntry("action", "UPDATE");
		assertThat(Json.parse((String) record.get("before"))).isEqualTo(Map.of("members", List.of()));
		assertThat(Json.parse((String) record.get("after"))).isEqualTo(Map.of("members", List.of(GlobalId.encode("User", user))));
		var again = membership("addGroupMember", group, user);
		assertThat(errors(again)).extracting(e -> e.get("code")).containsExactly("NOT_UNIQUE");
		assertThat(changes(group)).isEqualTo(1);
		assertThat(errors(membership("removeGroupMember", group, user))).isEmpty();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM group_membership WHERE group_id = ?", Integer.class, group)).isZero();
		assertThat(changes(group)).isEqualTo(2);
	}

	@Test
	void aMembershipFromTheGroupsClaimIsNotRemovedHereAndANonMemberIsNotFound() {
		long group = group("claimed");
		long user = data().user("claimed-member");
		jdbc.update("INSERT INTO group_membership (user_id, group_id, source) VALUES (?, ?, 'CLAIM')", user, group);
		assertThat(errors(membership("removeGroupMember", group, user))).extracting(e -> e.get("code"), e -> e.get("field"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("INVALID_STATE", List.of("input", "user")));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM group_membership WHERE group_id = ?", Integer.class, group)).isEqualTo(1);
		long stranger = data().user("stranger");
		assertThat(errors(membership("removeGroupMember", group, stranger))).extracting(e -> e.get("code"))
			.containsExactly("NOT_FOUND");
		assertThat(changes(group)).isZero();
	}

	@Test
	void aGroupMembershipGrantsTheGroupsRole() {
		long group = data().insert("INSERT INTO user_group (name, role) VALUES (?, 'STAFF') RETURNING id", data().name("staffers"));
		var key = data().tokenFor("promoted", "USER");
		long user = data().userId("promoted");
		assertThat(errors(membership("addGroupMember", group, user))).isEmpty();
		graphQl("Token " + key).document("{ me { groups { nodes { id } } } }").execute().path("me.groups.nodes[*].id")
			.entityList(String.class).contains(GlobalId.encode("Group", group));
	}

	private long group(String name) {
		return data().insert("INSERT INTO user_group (name) VALUES (?) RETURNING id", data().name(name));
	}

	private int changes(long group) {
		return jdbc.queryForObject("SELECT count(*) FROM object_change WHERE object_type = 'Group' AND object_id = ?",
				Integer.class, group);
	}

	private Map<String, Object> membership(String mutation, long group, long user) {
		return mutate(admin, "mutation { " + mutation + "(input: { group: \"" + GlobalId.encode("Group", group) + "\", user: \""
				+ GlobalId.encode("User", user) + "\" }) { group { id } user { id } errors { code field } } }", mutation);
	}

}

package io.cores.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A taggable object's tags written as an id list on its own create and update inputs: the
 * list replaces the set, one change-log record shows it with the rest of the write, a tag
 * change moves the version on, and a revert brings the old set back.
 */
@SuppressWarnings("unchecked")
class TagLinksTest extends ApiTest {

	private String staff;
	private String fast;
	private String old;
	private String spare;

	@BeforeEach
	void threeTags() {
		staff = "Token " + data().tokenFor("staff", "STAFF");
		fast = GlobalId.encode("Tag", data().tag("fast"));
		old = GlobalId.encode("Tag", data().tag("old"));
		spare = GlobalId.encode("Tag", data().tag("spare"));
	}

	@Test
	void aHostIsCreatedWithItsTagsAndUpdatedToAnotherSet() {
		var created = mutate(staff, "mutation { createHost(input: { hostname: \"" + data().name("tagged") + ".example.net\", hypervisor: false, tags: [\""
				+ old + "\", \"" + fast + "\", \"" + fast + "\"] }) { host { id version } errors { code field } } }", "createHost");
		assertThat(errors(created)).isEmpty();
		var id = (String) ((Map<String, Object>) created.get("host")).get("id");
		assertThat(tags(id)).containsExactlyInAnyOrder(fast, old);
		assertThat(snapshot(id, "CREATE", "data_after")).containsExactlyInAnyOrder(fast, old);

		var updated = mutate(staff, "mutation { updateHost(input: { id: \"" + id + "\", version: 0, tags: [\"" + spare + "\", \"" + fast
				+ "\"] }) { host { version } errors { code field } } }", "updateHost");
		assertThat(errors(updated)).isEmpty();
		assertThat(((Map<String, Object>) updated.get("host")).get("version")).as("a tag change is a change").isEqualTo(1);
		assertThat(tags(id)).containsExactlyInAnyOrder(fast, spare);
		assertThat(snapshot(id, "UPDATE", "data_before")).containsExactlyInAnyOrder(fast, old);
		assertThat(snapshot(id, "UPDATE", "data_after")).containsExactlyInAnyOrder(fast, spare);
		assertThat(records(id)).isEqualTo(2);

		var untouched = mutate(staff, "mutation { updateHost(input: { id: \"" + id + "\", version: 1, comment: \"racked\" }) { host { version } errors { code } } }",
				"updateHost");
		assertThat(errors(untouched)).isEmpty();
		assertThat(tags(id)).as("left out, the set stays").containsExactlyInAnyOrder(fast, spare);

		var cleared = mutate(staff, "mutation { updateHost(input: { id: \"" + id + "\", version: 2, tags: [] }) { host { version } errors { code } } }",
				"updateHost");
		assertThat(errors(cleared)).isEmpty();
		assertThat(tags(id)).isEmpty();
	}

	@Test
	void anUnknownTagWritesNothing() {
		long host = data().host("h", null, "ACTIVE");
		var id = GlobalId.encode("Host", host);
		var refused = mutate(staff, "mutation { updateHost(input: { id: \"" + id + "\", version: 0, comment: \"x\", tags: [\"" + fast + "\", \""
				+ GlobalId.encode("Tag", Long.MAX_VALUE) + "\"] }) { host { id } errors { code field } } }", "updateHost");
		assertThat(errors(refused)).containsExactly(Map.of("code", "NOT_FOUND", "field", List.of("input", "tags")));
		assertThat(tags(id)).isEmpty();
		assertThat(jdbc.queryForObject("SELECT comment FROM host WHERE id = ?", String.class, host)).isNull();
		assertThat(records(id)).isZero();
	}

	@Test
	void aRevertBringsTheOldSetBackAndABulkPatchTagsEveryItem() {
		var first = GlobalId.encode("Host", data().host("a", null, "ACTIVE"));
		var second = GlobalId.encode("Host", data().host("b", null, "ACTIVE"));
		assertThat(errors(mutate(staff, "mutation { updateHost(input: { id: \"" + first + "\", version: 0, tags: [\"" + old
				+ "\"] }) { host { id } errors { code } } }", "updateHost"))).isEmpty();
		var bulk = mutate(staff, "mutation { bulkUpdateHost(input: { items: [{ id: \"" + first + "\", version: 1 }, { id: \"" + second
				+ "\", version: 0 }], patch: { tags: [\"" + spare + "\"] } }) { hosts { id } errors { code field } } }", "bulkUpdateHost");
		assertThat(errors(bulk)).isEmpty();
		assertThat(tags(first)).containsExactly(spare);
		assertThat(tags(second)).containsExactly(spare);

		long change = jdbc.queryForObject("SELECT max(id) FROM object_change WHERE object_type = 'Host' AND object_id = ?", Long.class,
				GlobalId.decode(first, "id").key());
		var reverted = mutate(staff, "mutation { revertChange(input: { id: \"" + GlobalId.encode("ObjectChange", change)
				+ "\" }) { errors { code field } } }", "revertChange");
		assertThat(errors(reverted)).isEmpty();
		assertThat(tags(first)).containsExactly(old);
	}

	private List<String> tags(String host) {
		return graphQl().document("query($id: ID!) { node(id: $id) { ... on Host { tags { nodes { id } } } } }").variable("id", host)
			.execute().path("node.tags.nodes[*].id").entityList(String.class).get();
	}

	private List<String> snapshot(String host, String action, String column) {
		var json = jdbc.queryForObject("SELECT " + column + " -> 'tags' FROM object_change WHERE object_type = 'Host' AND object_id = ? AND action = ? ORDER BY id DESC LIMIT 1",
				String.class, GlobalId.decode(host, "id").key(), action);
		return (List<String>) io.cores.platform.persistence.Json.parse(json);
	}

	private int records(String host) {
		return jdbc.queryForObject("SELECT count(*) FROM object_change WHERE object_type = 'Host' AND object_id = ?", Integer.class,
				GlobalId.decode(host, "id").key());
	}
}

package io.cores.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** revertChange undoes a change through the object's own rules, and is logged itself. */
class RevertTest extends ApiTest {

	private String staff;

	@BeforeEach
	void writer() {
		staff = "Token " + data().tokenFor("staff", "STAFF");
	}

	@Test
	void revertingAnUpdateRestoresOnlyTheFieldsItChanged() {
		var id = create(data().name("hall"));
		update(id, 0, Map.of("address", "Old road 1"));
		var change = lastChange(id);
		update(id, 1, Map.of("comment", "kept"));
		var payload = revert(change);
		assertThat(payload.get("errors")).isEqualTo(List.of());
		var node = (Map<String, Object>) payload.get("node");
		assertThat(node).containsEntry("address", null).containsEntry("comment", "kept").containsEntry("version", 3);
		assertThat(changeActions(id)).containsExactly("CREATE", "UPDATE", "UPDATE", "UPDATE");
		asAdmin().document("query($id: ID!) { node(id: $id) { ... on Building { changes(orderBy: [{ field: ID, direction: DESC }], first: 1) { nodes { changedFields } } } } }")
			.variable("id", id).execute().path("node.changes.nodes[0].changedFields").entityList(String.class).containsExactly("address");
	}

	@Test
	void revertingACreateDeletesAndRevertingThatDeleteBringsItBack() {
		var name = data().name("brief");
		var id = create(name);
		var created = lastChange(id);
		assertThat(revert(created).get("errors")).isEqualTo(List.of());
		assertThat(jdbc.queryForObject("SELECT count(*) FROM building WHERE name = ?", Integer.class, name)).isZero();
		var deleted = lastChange(id);
		var back = revert(deleted);
		assertThat(back.get("errors")).isEqualTo(List.of());
		assertThat((Map<String, Object>) back.get("node")).containsEntry("name", name);
	}

	@Test
	void aRevertThatWouldBreakARuleAnswersItsErrorAndWritesNothing() {
		var name = data().name("taken");
		var id = create(name);
		update(id, 0, Map.of("name", data().name("renamed")));
		var rename = lastChange(id);
		create(name);
		var payload = revert(rename);
		assertThat((List<Map<String, Object>>) payload.get("errors")).extracting(e -> e.get("code")).containsExactly("NOT_UNIQUE");
		assertThat(changeActions(id)).containsExactly("CREATE", "UPDATE");
	}

	@Test
	void onlyThoseWhoMayWriteTheObjectRevertItsChanges() {
		var id = create(data().name("guarded"));
		var change = lastChange(id);
		graphQl("Token " + data().tokenFor("user", "USER")).document("mutation($id: ID!) { revertChange(input: { id: $id }) { errors { code } } }")
			.variable("id", change).execute().errors()
			.expect(e -> "FORBIDDEN".equals(String.valueOf(e.getExtensions().get("classification")))).verify();
		assertThat(changeActions(id)).containsExactly("CREATE");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> revert(String change) {
		return graphQl(staff).document("""
				mutation($id: ID!) {
				  revertChange(input: { id: $id }) { node { id ... on Building { name address comment version } } errors { code field } }
				}""").variable("id", change).execute().path("revertChange").entity(Map.class).get();
	}

	private String create(String name) {
		return graphQl(staff).document("mutation($n: String!) { createBuilding(input: { name: $n }) { building { id } errors { code } } }")
			.variable("n", name).execute().path("createBuilding.errors").entityList(Object.class).hasSize(0)
			.path("createBuilding.building.id").entity(String.class).get();
	}

	private void update(String id, int version, Map<String, Object> fields) {
		var input = new java.util.LinkedHashMap<String, Object>(fields);
		input.put("id", id);
		input.put("version", version);
		graphQl(staff).document("mutation($input: UpdateBuildingInput!) { updateBuilding(input: $input) { errors { code } } }")
			.variable("input", input).execute().path("updateBuilding.errors").entityList(Object.class).hasSize(0);
	}

	private String lastChange(String building) {
		long key = jdbc.queryForObject("SELECT max(id) FROM object_change WHERE object_type = 'Building' AND object_id = ?",
				Long.class, GlobalId.decodeKey(building, "Building", "id"));
		return GlobalId.encode("ObjectChange", key);
	}

	private List<String> changeActions(String building) {
		return jdbc.queryForList("SELECT action FROM object_change WHERE object_type = 'Building' AND object_id = ? ORDER BY id",
				String.class, GlobalId.decodeKey(building, "Building", "id"));
	}
}

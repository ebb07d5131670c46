package io.cores.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The inventory's own write rules, through GraphQL: names unique where SPEC.md says, one default rack, referenced rows kept. */
class InventoryWritesTest extends ApiTest {

	private String staff;

	@BeforeEach
	void writer() {
		staff = "Token " + data().tokenFor("staff", "STAFF");
	}

	@Test
	void aSecondBuildingWithTheSameNameIsNotUnique() {
		var name = data().name("hall");
		assertThat(createBuilding(name)).isEmpty();
		assertThat(createBuilding(name)).containsExactly(Map.of("code", "NOT_UNIQUE", "field", List.of("input", "name"),
				"message", "Another building has this name"));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM building WHERE name = ?", Integer.class, name)).isEqualTo(1);
	}

	@Test
	void concurrentCreatesOfOneNameLandOnceAndTheOthersAreToldWhy() throws Exception {
		var name = data().name("race");
		var pool = Executors.newFixedThreadPool(8);
		var calls = new ArrayList<Callable<List<Map<String, Object>>>>();
		for (int i = 0; i < 16; i++) {
			calls.add(() -> createBuilding(name));
		}
		var codes = new ArrayList<Object>();
		for (var result : pool.invokeAll(calls)) {
			result.get().forEach(error -> codes.add(error.get("code")));
		}
		pool.shutdown();
		assertThat(codes).hasSize(15).containsOnly("NOT_UNIQUE");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM building WHERE name = ?", Integer.class, name)).isEqualTo(1);
	}

	@Test
	void aLabHasOneDefaultRack() {
		long lab = data().lab(data().building("b"), "l");
		var labId = GlobalId.encode("Lab", lab);
		assertThat(createRack(labId, "r1", true)).isEmpty();
		assertThat(createRack(labId, "r2", true)).extracting(e -> e.get("code"), e -> e.get("field"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("NOT_UNIQUE", List.of("input", "isDefault")));
		assertThat(createRack(labId, "r1", false)).extracting(e -> e.get("code"), e -> e.get("field"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("NOT_UNIQUE", List.of("input", "name")));
		assertThat(createRack(labId, "r2", false)).isEmpty();
	}

	@Test
	void aBuildingWithLabsAndACatalogEntryInUseAreNotDeleted() {
		long building = data().building("kept");
		data().lab(building, "inside");
		var refused = delete("deleteBuilding", GlobalId.encode("Building", building));
		assertThat(refused).extracting(e -> e.get("code")).containsExactly("REFERENCED");
		assertThat((String) refused.get(0).get("message")).contains("lab");
		long type = data().insert("INSERT INTO host_type (name) VALUES (?) RETURNING id", data().name("role"));
		jdbc.update("UPDATE host SET type_id = ? WHERE id = ?", type, data().host("typed", null, "NEW"));
		assertThat(delete("deleteHostType", GlobalId.encode("HostType", type))).extracting(e -> e.get("code"))
			.containsExactly("REFERENCED");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM building WHERE id = ?", Integer.class, building)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM host_type WHERE id = ?", Integer.class, type)).isEqualTo(1);
	}

	@Test
	void aBlankAssetNumberOnACardMeansNone() {
		var typeId = graphQl(staff).document("mutation($n: String!) { createCardType(input: { name: $n }) { cardType { id } } }")
			.variable("n", data().name("nic")).execute().path("createCardType.cardType.id").entity(String.class).get();
		for (int i = 0; i < 2; i++) {
			graphQl(staff).document("mutation($t: ID!) { createCard(input: { cardType: $t, assetNumber: \"\" }) { card { assetNumber } errors { code } } }")
				.variable("t", typeId).execute()
				.path("createCard.errors").entityList(Object.class).hasSize(0)
				.path("createCard.card.assetNumber").valueIsNull();
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void aBulkPatchThatBreaksAConstraintAtOneItemWritesNothingAndNamesTheItem() {
		var first = data().building("one");
		var second = data().building("two");
		var ids = List.of(GlobalId.encode("Building", first), GlobalId.encode("Building", second));
		var name = data().name("same");
		var errors = graphQl(staff).document("""
				mutation($items: [VersionedId!]!, $name: String) {
				  bulkUpdateBuilding(input: { items: $items, patch: { name: $name } }) { buildings { id } errors { code field } }
				}""").variable("items", ids.stream().map(id -> Map.of("id", id, "version", 0)).toList()).variable("name", name)
			.execute().path("bulkUpdateBuilding.errors").entity(List.class).get();
		assertThat(errors).containsExactly(Map.of("code", "NOT_UNIQUE", "field", List.of("input", "items", "1", "name")));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM building WHERE name = ?", Integer.class, name)).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM object_change WHERE object_type = 'Building' AND object_id IN (?, ?)",
				Integer.class, first, second)).isZero();
	}

	@Test
	void aBulkWriteOfMoreThan500ItemsIsRefusedWhole() {
		var items = java.util.stream.IntStream.range(0, 501)
			.mapToObj(i -> Map.of("id", GlobalId.encode("Building", 1_000_000L + i), "version", 0)).toList();
		graphQl(staff).document("mutation($items: [VersionedId!]!) { bulkDeleteBuilding(input: { items: $items }) { deletedIds } }")
			.variable("items", items).execute().errors()
			.expect(e -> e.getMessage().contains("501 items are over the maximum of 500")).verify();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> createBuilding(String name) {
		return graphQl(staff).document("mutation($n: String!) { createBuilding(input: { name: $n }) { building { id } errors { code field message } } }")
			.variable("n", name).execute().path("createBuilding.errors").entity(List.class).get();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> createRack(String lab, String name, boolean isDefault) {
		return graphQl(staff).document("mutation($l: ID!, $n: String!, $d: Boolean!) { createRack(input: { lab: $l, name: $n, isDefault: $d }) { rack { id } errors { code field } } }")
			.variable("l", lab).variable("n", data().name(name)).variable("d", isDefault).execute()
			.path("createRack.errors").entity(List.class).get();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> delete(String mutation, String id) {
		return graphQl(staff).document("mutation($id: ID!) { " + mutation + "(input: { id: $id, version: 0 }) { deletedId errors { code message } } }")
			.variable("id", id).execute().path(mutation + ".errors").entity(List.class).get();
	}
}

package io.cores.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.platform.persistence.Json;
import io.cores.support.ApiTest;

import static io.cores.inventory.Mutations.input;
import static io.cores.inventory.Mutations.refusal;
import static io.cores.inventory.Mutations.written;
import static org.assertj.core.api.Assertions.assertThat;

/** Writing labs: names unique within a building, subnets written as the lab's set and never overlapping another lab's. */
class LabWritesTest extends ApiTest {

	private Mutations staff;

	@BeforeEach
	void writer() {
		staff = new Mutations(graphQl("Token " + data().tokenFor("staff", "STAFF")));
	}

	@Test
	void aLabNameIsUniqueWithinItsBuildingOnly() {
		var one = GlobalId.encode("Building", data().building("one"));
		var other = GlobalId.encode("Building", data().building("other"));
		var name = data().name("lab");
		assertThat(createLab(one, name, List.of()).get("errors")).asList().isEmpty();
		assertThat(refusal(createLab(one, name, List.of()))).containsEntry("code", "NOT_UNIQUE")
			.containsEntry("field", List.of("input", "name"))
			.containsEntry("message", "The building has another lab with this name");
		assertThat(labs(name)).isEqualTo(1);
		assertThat(createLab(other, name, List.of()).get("errors")).asList().isEmpty();
		assertThat(labs(name)).isEqualTo(2);
	}

	@Test
	void subnetsAreWrittenAsTheLabsWholeSetAndShownInTheChangeLog() {
		var first = data().subnet();
		var second = data().subnet();
		var third = data().subnet();
		var created = createLab(building(), data().name("lab"), List.of(second, first));
		String id = written(created, "lab", "id");
		assertThat((List<String>) written(created, "lab", "subnets")).containsExactly(first, second);
		assertThat(snapshot(id, "CREATE")).containsEntry("subnets", List.of(first, second));

		var replaced = staff.run("updateLab", input("id", id, "version", 0, "subnets", List.of(third)), "lab { subnets version }");
		assertThat((List<String>) written(replaced, "lab", "subnets")).containsExactly(third);
		assertThat((Integer) written(replaced, "lab", "version")).isEqualTo(1);
		assertThat(storedSubnets(id)).containsExactly(third);
		var change = jdbc.queryForMap("SELECT data_before::text AS before, data_after::text AS after FROM object_change "
				+ "WHERE object_type = 'Lab' AND object_id = ? AND action = 'UPDATE'", key(id));
		assertThat((Map<String, Object>) Json.parse((String) change.get("before"))).containsEntry("subnets", List.of(first, second));
		assertThat((Map<String, Object>) Json.parse((String) change.get("after"))).containsEntry("subnets", List.of(third));

		var renamed = staff.run("updateLab", input("id", id, "version", 1, "comment", "left alone"), "lab { subnets }");
		assertThat((List<String>) written(renamed, "lab", "subnets")).as("omitted: unchanged").containsExactly(third);
		var cleared = staff.run("updateLab", input("id", id, "version", 2, "subnets", null), "lab { subnets }");
		assertThat((List<String>) written(cleared, "lab", "subnets")).isEmpty();
		assertThat(storedSubnets(id)).isEmpty();
	}

	@Test
	void aSubnetOverlappingAnotherLabsIsRefusedNamingTheClash() {
		var taken = data().subnet();
		var owner = data().name("owner");
		createLab(building(), owner, List.of(taken));
		var inside = taken.replace(".0/24", ".128/25");
		var name = data().name("newcomer");

		var refused = refusal(createLab(building(), name, List.of(data().subnet(), inside)));
		assertThat(refused).containsEntry("code", "OVERLAP").containsEntry("field", List.of("input", "subnets"))
			.containsEntry("message", inside + " overlaps " + taken + " of lab " + owner);
		assertThat(labs(name)).as("nothing written").isZero();

		var free = data().subnet();
		var existing = createLab(building(), name, List.of(free));
		String id = written(existing, "lab", "id");
		var moved = refusal(staff.run("updateLab", input("id", id, "version", 0, "subnets", List.of(free, "172.16.0.0/12")),
				"lab { id }"));
		assertThat(moved).containsEntry("code", "OVERLAP").containsEntry("field", List.of("input", "subnets"));
		assertThat(storedSubnets(id)).as("nothing written").containsExactly(free);
		assertThat(version(id)).isZero();
	}

	@Test
	void aLabsOwnSubnetsDoNotClashWithThemselvesButTwoGivenTogetherDo() {
		var kept = data().subnet();
		var created = createLab(building(), data().name("lab"), List.of(kept));
		String id = written(created, "lab", "id");
		var added = data().subnet();
		var kept2 = staff.run("updateLab", input("id", id, "version", 0, "subnets", List.of(kept, added)), "lab { subnets }");
		assertThat((List<String>) written(kept2, "lab", "subnets")).containsExactly(kept, added);

		var fresh = data().subnet();
		var name = data().name("twice");
		var refused = refusal(createLab(building(), name, List.of(fresh, fresh.replace(".0/24", ".0/25"))));
		assertThat(refused).containsEntry("code", "OVERLAP").containsEntry("field", List.of("input", "subnets"))
			.containsEntry("message", fresh + " overlaps " + fresh.replace(".0/24", ".0/25") + ", given with it");
		assertThat(labs(name)).isZero();
	}

	@Test
	void concurrentLabsClaimingOneSubnetLandOnceAndTheOthersAreToldOverlap() throws Exception {
		var subnet = data().subnet();
		var building = building();
		var pool = Executors.newFixedThreadPool(8);
		var calls = new ArrayList<Callable<Map<String, Object>>>();
		for (int i = 0; i < 8; i++) {
			var name = data().name("racer" + i);
			calls.add(() -> createLab(building, name, List.of(subnet)));
		}
		var codes = new ArrayList<Object>();
		for (var result : pool.invokeAll(calls)) {
			Mutations.errors(result.get()).forEach(error -> {
				codes.add(error.get("code"));
				assertThat(error.get("field")).isEqualTo(List.of("input", "subnets"));
			});
		}
		pool.shutdown();
		assertThat(codes).hasSize(7).containsOnly("OVERLAP");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM lab_subnet WHERE subnet = ?::cidr", Integer.class, subnet)).isEqualTo(1);
	}

	@Test
	void deletingALabTakesItsSubnetsButALabWithRacksIsKept() {
		var created = createLab(building(), data().name("gone"), List.of(data().subnet(), data().subnet()));
		String id = written(created, "lab", "id");
		var deleted = staff.run("deleteLab", input("id", id, "version", 0), "deletedId");
		assertThat(deleted.get("errors")).asList().isEmpty();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM lab_subnet WHERE lab_id = ?", Integer.class, key(id))).isZero();

		var subnet = data().subnet();
		String racked = written(createLab(building(), data().name("racked"), List.of(subnet)), "lab", "id");
		data().rack(key(racked), "r1", false);
		var refused = refusal(staff.run("deleteLab", input("id", racked, "version", 0), "deletedId"));
		assertThat(refused).containsEntry("code", "REFERENCED").containsEntry("field", List.of("input", "id"));
		assertThat((String) refused.get("message")).contains("rack");
		assertThat(storedSubnets(racked)).containsExactly(subnet);
	}

	private Map<String, Object> createLab(String building, String name, List<String> subnets) {
		return staff.run("createLab", input("building", building, "name", name, "subnets", subnets), "lab { id subnets }");
	}

	private String building() {
		return GlobalId.encode("Building", data().building("b" + java.util.UUID.randomUUID().toString().substring(0, 6)));
	}

	private int labs(String name) {
		return jdbc.queryForObject("SELECT count(*) FROM lab WHERE name = ?", Integer.class, name);
	}

	private List<String> storedSubnets(String lab) {
		return jdbc.queryForList("SELECT subnet::text FROM lab_subnet WHERE lab_id = ? ORDER BY subnet", String.class, key(lab));
	}

	private int version(String lab) {
		return jdbc.queryForObject("SELECT version FROM lab WHERE id = ?", Integer.class, key(lab));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> snapshot(String lab, String action) {
		return (Map<String, Object>) Json.parse(jdbc.queryForObject("SELECT data_after::text FROM object_change "
				+ "WHERE object_type = 'Lab' AND object_id = ? AND action = ?", String.class, key(lab), action));
	}

	private static long key(String id) {
		return GlobalId.decodeKey(id, "Lab", "id");
	}
}

package io.cores.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

import io.cores.platform.graphql.GlobalId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff resolving conflicts raised by real scans (ingestScan): each kind accepted and ignored
 * with its effect on the inventory and the change log, and every refusal writing nothing.
 */
class ScanResolutionTest extends IngestTest {

	static final String RESOLVE = """
			mutation($input: ResolveScanConflictInput!) {
			  resolveScanConflict(input: $input) { scanConflict { id kind status version } errors { field message code } }
			}""";

	static final String BULK = """
			mutation($input: BulkResolveScanConflictInput!) {
			  bulkResolveScanConflict(input: $input) { scanConflicts { id status version } errors { field message code } }
			}""";

	private String agent;
	private String staff;
	private long staffUser;
	private String subnetA;
	private long rackA;
	private String subnetB;
	private long defaultRackB;
	private long labC;
	private String subnetC;

	@BeforeEach
	void threeLabs() {
		agent = agent("scanner");
		staff = "Token " + data().tokenFor("staff", "STAFF");
		staffUser = data().userId("staff");
		long building = data().building("hq");
		long labA = data().lab(building, "a");
		subnetA = data().subnet(labA);
		rackA = data().rack(labA, "a1", false);
		long labB = data().lab(building, "b");
		subnetB = data().subnet(labB);
		data().rack(labB, "b1", false);
		defaultRackB = data().rack(labB, "b0", true);
		labC = data().lab(building, "c");
		subnetC = data().subnet(labC);
		data().rack(labC, "c1", false);
	}

	// NIC conflicts

	@Test
	void acceptingANicConflictGivesTheNicTheScannedIpAndTheHostFollows() {
		long host = data().host("server", rackA, "ACTIVE");
		var mac = data().mac();
		long nic = data().nic(host, mac, ipIn(subnetA, 5), true, null);
		long conflict = raised(List.of(entry(mac, ipIn(subnetA, 6))), "NIC");

		var payload = resolve(staff, conflict, 0, "ACCEPT", null);

		assertThat(errors(payload)).isEmpty();
		assertThat(payload.get("scanConflict")).isEqualTo(Map.of("id", GlobalId.encode("ScanConflict", conflict), "kind", "NIC",
				"status", "RESOLVED", "version", 1));
		assertThat(nicRow(nic).get("ip")).isEqualTo(ipIn(subnetA, 6));
		assertThat(hostRow(host).get("ip")).as("the host's ip follows its primary NIC").isEqualTo(ipIn(subnetA, 6));
		assertThat(changesOf("ScanConflict", conflict)).containsExactly(
				change("UPDATE", "{\"status\": \"NEW\"}", "{\"status\": \"RESOLVED\"}"));
		assertThat(changesOf("Nic", nic)).hasSize(1).first()
			.satisfies(c -> assertThat((String) c.get("after")).contains("\"ip\": \"" + ipIn(subnetA, 6) + "\""));
		assertThat(actorsOfLastChanges(2)).as("both under the resolver, in one request").containsOnly(staffUser);
		assertThat(requestIdsOfLastChanges(2)).hasSize(1);
	}

	@Test
	void ignoringANicConflictLeavesTheInventoryAlone() {
		long host = data().host("server", rackA, "ACTIVE");
		var mac = data().mac();
		long nic = data().nic(host, mac, ipIn(subnetA, 5), true, null);
		long conflict = raised(List.of(entry(mac, ipIn(subnetA, 6))), "NIC");

		var payload = resolve(staff, conflict, 0, "IGNORE", null);

		assertThat(errors(payload)).isEmpty();
		assertThat(status(conflict)).isEqualTo("IGNORED");
		assertThat(nicRow(nic).get("ip")).isEqualTo(ipIn(subnetA, 5));
		assertThat(changesOf("Nic", nic)).isEmpty();
		assertThat(changesOf("ScanConflict", conflict)).containsExactly(
				change("UPDATE", "{\"status\": \"NEW\"}", "{\"status\": \"IGNORED\"}"));
	}

	// LOCATION conflicts

	@Test
	void acceptingALocationConflictMovesTheHostToTheSuggestedLabsDefaultRack() {
		long host = data().host("server", rackA, "ACTIVE");
		var mac = data().mac();
		long nic = data().nic(host, mac, ipIn(subnetA, 7), true, null);
		long conflict = raised(List.of(entry(mac, ipIn(subnetB, 7))), "LOCATION");

		var payload = resolve(staff, conflict, 0, "ACCEPT", null);

		assertThat(errors(payload)).isEmpty();
		assertThat(status(conflict)).isEqualTo("RESOLVED");
		assertThat(hostRow(host).get("rack_id")).isEqualTo(defaultRackB);
		assertThat(nicRow(nic).get("ip")).as("the ip is the NIC conflict's to accept").isEqualTo(ipIn(subnetA, 7));
		assertThat(conflictsWhere("nic_id = ? AND kind = 'NIC'", nic)).extracting(c -> c.get("status")).containsExactly("NEW");
		assertThat(changesOf("Host", host)).hasSize(1).first().satisfies(c -> assertThat((String) c.get("after"))
			.contains("\"rack\": \"" + GlobalId.encode("Rack", defaultRackB) + "\""));
	}

	@Test
	void ignoringALocationConflictLeavesTheHostWhereItIs() {
		long host = data().host("server", rackA, "ACTIVE");
		var mac = data().mac();
		data().nic(host, mac, ipIn(subnetA, 7), true, null);
		long conflict = raised(List.of(entry(mac, ipIn(subnetB, 7))), "LOCATION");

		assertThat(errors(resolve(staff, conflict, 0, "IGNORE", null))).isEmpty();

		assertThat(status(conflict)).isEqualTo("IGNORED");
		assertThat(hostRow(host).get("rack_id")).isEqualTo(rackA);
		assertThat(changesOf("Host", host)).isEmpty();
	}

	@Test
	void aLocationConflictIsNotAcceptedWhenTheSuggestedLabHasNoDefaultRack() {
		long host = data().host("server", rackA, "ACTIVE");
		var mac = data().mac();
		data().nic(host, mac, ipIn(subnetA, 8), true, null);
		long conflict = raised(List.of(entry(mac, ipIn(subnetC, 8))), "LOCATION");
		assertThat(conflictsWhere("id = ?", conflict).get(0).get("suggested_lab_id")).isEqualTo(labC);
		int changes = changeCount();

		var payload = resolve(staff, conflict, 0, "ACCEPT", null);

		assertThat(payload.get("scanConflict")).isNull();
		assertThat(errors(payload)).containsExactly(error("INVALID_STATE", "Lab " + data().name("c")
				+ " has no default rack to move the host to; make one of its racks the default, or move the host yourself "
				+ "and ignore this conflict", "input", "id"));
		assertThat(status(conflict)).isEqualTo("NEW");
		assertThat(version(conflict)).isZero();
		assertThat(hostRow(host).get("rack_id")).isEqualTo(rackA);
		assertThat(changeCount()).as("nothing logged").isEqualTo(changes);
	}

	// UNKNOWN conflicts

	@Test
	void acceptingAnUnknownConflictOnAHostCreatesItsNicThere() {
		long host = data().host("newcomer", rackA, "ACTIVE");
		var mac = data().mac();
		var time = nextTime();
		long conflict = raised(scan(time, List.of(entry(mac, ipIn(subnetA, 9)))), "UNKNOWN");

		var payload = resolve(staff, conflict, 0, "ACCEPT", GlobalId.encode("Host", host));

		assertThat(errors(payload)).isEmpty();
		assertThat(status(conflict)).isEqualTo("RESOLVED");
		var nic = row("SELECT id, host_id, host(ip) AS ip, is_primary, last_seen FROM nic WHERE mac = ?::macaddr", mac);
		assertThat(nic).containsEntry("host_id", host).containsEntry("ip", ipIn(subnetA, 9)).containsEntry("is_primary", false)
			.containsEntry("last_seen", time);
		assertThat(hostRow(host)).as("the host's ip and lastSeen follow its NICs")
			.containsEntry("ip", ipIn(subnetA, 9)).containsEntry("last_seen", time);
		assertThat(changesOf("Nic", (Long) nic.get("id"))).extracting(c -> c.get("action")).containsExactly("CREATE");
	}

	/** SPEC.md: a NIC's host is optional, so a NIC nobody placed yet is created unattached. */
	@Test
	void acceptingAnUnknownConflictWithoutAHostCreatesAnUnattachedNic() {
		var mac = data().mac();
		long conflict = raised(List.of(entry(mac, ipIn(subnetA, 10))), "UNKNOWN");

		assertThat(errors(resolve(staff, conflict, 0, "ACCEPT", null))).isEmpty();

		assertThat(row("SELECT host_id, host(ip) AS ip FROM nic WHERE mac = ?::macaddr", mac))
			.containsEntry("host_id", null).containsEntry("ip", ipIn(subnetA, 10));
		assertThat(status(conflict)).isEqualTo("RESOLVED");
	}

	@Test
	void ignoringAnUnknownConflictCreatesNoNic() {
		var mac = data().mac();
		long conflict = raised(List.of(entry(mac, ipIn(subnetA, 11))), "UNKNOWN");

		assertThat(errors(resolve(staff, conflict, 0, "IGNORE", null))).isEmpty();

		assertThat(status(conflict)).isEqualTo("IGNORED");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM nic WHERE mac = ?::macaddr", Integer.class, mac)).isZero();
	}

	@Test
	void anUnknownConflictIsNotAcceptedOntoAHostThatDoesNotExistNorWhenItsMacWasAddedMeanwhile() {
		var mac = data().mac();
		long conflict = raised(List.of(entry(mac, ipIn(subnetA, 12))), "UNKNOWN");

		assertThat(errors(resolve(staff, conflict, 0, "ACCEPT", GlobalId.encode("Host", 999_999_999L)))).extracting(e -> e.get("code"),
				e -> e.get("field")).containsExactly(org.assertj.core.groups.Tuple.tuple("NOT_FOUND", List.of("input", "host")));
		data().nic(null, mac, null, false, null);
		assertThat(errors(resolve(staff, conflict, 0, "ACCEPT", null))).extracting(e -> e.get("code"), e -> e.get("field"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("INVALID_STATE", List.of("input", "id")));
		assertThat(status(conflict)).isEqualTo("NEW");
	}

	@Test
	void aHostIsOnlyForAcceptingAnUnknownConflict() {
		long host = data().host("server", rackA, "ACTIVE");
		var mac = data().mac();
		data().nic(host, mac, ipIn(subnetA, 5), true, null);
		long conflict = raised(List.of(entry(mac, ipIn(subnetA, 6))), "NIC");

		assertThat(errors(resolve(staff, conflict, 0, "ACCEPT", GlobalId.encode("Host", host)))).containsExactly(error("INVALID",
				"host is only for accepting an UNKNOWN conflict: the NIC created goes on it", "input", "host"));
		assertThat(status(conflict)).isEqualTo("NEW");
	}

	// States, versions, callers

	@Test
	void onlyAnOpenConflictIsAcceptedAndOnlyANewOneIgnored() {
		var mac = data().mac();
		long ignored = raised(List.of(entry(mac, ipIn(subnetA, 13))), "UNKNOWN");
		assertThat(errors(resolve(staff, ignored, 0, "IGNORE", null))).isEmpty();

		assertThat(errors(resolve(staff, ignored, 1, "IGNORE", null))).containsExactly(error("INVALID_STATE",
				"This conflict is IGNORED; only a NEW conflict is ignored", "input", "id"));
		assertThat(errors(resolve(staff, ignored, 1, "ACCEPT", null))).as("staff may change their mind").isEmpty();
		assertThat(status(ignored)).isEqualTo("RESOLVED");

		int changes = changeCount();
		for (var resolution : List.of("ACCEPT", "IGNORE")) {
			assertThat(errors(resolve(staff, ignored, 2, resolution, null))).extracting(e -> e.get("code"))
				.containsExactly("INVALID_STATE");
		}
		assertThat(changeCount()).isEqualTo(changes);
	}

	@Test
	void aSupersededConflictIsNotResolved() {
		long host = data().host("server", rackA, "ACTIVE");
		var mac = data().mac();
		data().nic(host, mac, ipIn(subnetA, 5), true, null);
		long first = raised(List.of(entry(mac, ipIn(subnetA, 6))), "NIC");
		raised(List.of(entry(mac, ipIn(subnetA, 7))), "NIC");
		assertThat(status(first)).isEqualTo("SUPERSEDED");

		assertThat(errors(resolve(staff, first, version(first), "ACCEPT", null))).containsExactly(error("INVALID_STATE",
				"This conflict is SUPERSEDED; only an open (NEW or IGNORED) conflict is accepted", "input", "id"));
	}

	@Test
	void aStaleVersionWritesNothing() {
		long host = data().host("server", rackA, "ACTIVE");
		var mac = data().mac();
		long nic = data().nic(host, mac, ipIn(subnetA, 5), true, null);
		long conflict = raised(List.of(entry(mac, ipIn(subnetA, 6))), "NIC");
		int changes = changeCount();

		assertThat(errors(resolve(staff, conflict, 3, "ACCEPT", null))).containsExactly(error("STALE_VERSION",
				"The ScanConflict changed since you read it (now version 0)", "input", "version"));

		assertThat(status(conflict)).isEqualTo("NEW");
		assertThat(nicRow(nic).get("ip")).isEqualTo(ipIn(subnetA, 5));
		assertThat(changeCount()).isEqualTo(changes);
	}

	@Test
	void usersAndAgentsDoNotResolve() {
		var mac = data().mac();
		long conflict = raised(List.of(entry(mac, ipIn(subnetA, 14))), "UNKNOWN");
		int changes = changeCount();
		for (var caller : List.of("Token " + data().tokenFor("user", "USER"), agent)) {
			graphQl(caller).document(RESOLVE).variable("input", input(conflict, 0, "ACCEPT", null)).execute().errors()
				.expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
		}
		assertThat(status(conflict)).isEqualTo("NEW");
		assertThat(changeCount()).isEqualTo(changes);
		assertThat(errors(resolve("Token " + data().tokenFor("admin", "ADMIN"), conflict, 0, "IGNORE", null)))
			.as("admins resolve too").isEmpty();
	}

	@Test
	void twoCallersResolvingOneConflictAtOnceGiveExactlyOneResolution() throws Exception {
		var other = "Token " + data().tokenFor("other-staff", "STAFF");
		for (int round = 0; round < 5; round++) {
			long host = data().host("raced-" + round, rackA, "ACTIVE");
			var mac = data().mac();
			long nic = data().nic(host, mac, ipIn(subnetA, 20 + round), true, null);
			long conflict = raised(List.of(entry(mac, ipIn(subnetA, 40 + round))), "NIC");
			var ready = new CountDownLatch(2);
			var calls = new ArrayList<Callable<Map<String, Object>>>();
			for (var call : List.of(List.of(staff, "ACCEPT"), List.of(other, "IGNORE"))) {
				calls.add(() -> {
					ready.countDown();
					ready.await();
					return resolve(call.get(0), conflict, 0, call.get(1), null);
				});
			}
			var pool = Executors.newFixedThreadPool(2);
			var answers = new ArrayList<Map<String, Object>>();
			for (var result : pool.invokeAll(calls)) {
				answers.add(result.get());
			}
			pool.shutdown();

			var winners = answers.stream().filter(a -> errors(a).isEmpty()).toList();
			assertThat(winners).hasSize(1);
			assertThat(answers.stream().filter(a -> !errors(a).isEmpty()).flatMap(a -> errors(a).stream())
				.map(e -> e.get("code"))).containsExactly("STALE_VERSION");
			@SuppressWarnings("unchecked")
			var won = (Map<String, Object>) winners.get(0).get("scanConflict");
			assertThat(status(conflict)).isEqualTo(won.get("status"));
			assertThat(changesOf("ScanConflict", conflict)).hasSize(1);
			assertThat(nicRow(nic).get("ip")).isEqualTo(won.get("status").equals("RESOLVED") ? ipIn(subnetA, 40 + round)
					: ipIn(subnetA, 20 + round));
		}
	}

	// Bulk

	@Test
	void aBulkResolutionResolvesEveryItemInOrder() {
		var macs = List.of(data().mac(), data().mac(), data().mac());
		var conflicts = new ArrayList<Long>();
		for (int i = 0; i < macs.size(); i++) {
			conflicts.add(raised(List.of(entry(macs.get(i), ipIn(subnetA, 60 + i))), "UNKNOWN"));
		}
		long host = data().host("collector", rackA, "ACTIVE");

		var payload = bulk(staff, items(conflicts, 0, 0, 0), "ACCEPT", GlobalId.encode("Host", host));

		assertThat(errors(payload)).isEmpty();
		assertThat(payload.get("scanConflicts")).isEqualTo(conflicts.stream()
			.map(c -> Map.of("id", GlobalId.encode("ScanConflict", c), "status", "RESOLVED", "version", 1)).toList());
		assertThat(jdbc.queryForList("SELECT host_id FROM nic WHERE mac = ANY (?::macaddr[]) ORDER BY mac", Long.class,
				(Object) macs.toArray(String[]::new))).containsExactly(host, host, host);
		assertThat(requestIdsOfLastChanges(6)).as("three conflicts and three NICs, one request").hasSize(1);
	}

	/**
	 * The bulk convention (api-guide.md, Writing): all or nothing; every item is checked first
	 * and each problem reported under its index; one bad item and nothing is written.
	 */
	@Test
	void aBulkResolutionWithBadItemsWritesNothingAndNamesEach() {
		long host = data().host("server", rackA, "ACTIVE");
		var mac = data().mac();
		long nic = data().nic(host, mac, ipIn(subnetA, 5), true, null);
		long good = raised(List.of(entry(mac, ipIn(subnetA, 6))), "NIC");
		long resolved = raised(List.of(entry(data().mac(), ipIn(subnetA, 70))), "UNKNOWN");
		assertThat(errors(resolve(staff, resolved, 0, "IGNORE", null))).isEmpty();
		long stale = raised(List.of(entry(data().mac(), ipIn(subnetA, 71))), "UNKNOWN");
		int changes = changeCount();

		var payload = bulk(staff, items(List.of(good, resolved, stale), 0, 1, 4), "IGNORE", null);

		assertThat(payload.get("scanConflicts")).isNull();
		assertThat(errors(payload)).containsExactly(
				error("INVALID_STATE", "This conflict is IGNORED; only a NEW conflict is ignored", "input", "items", "1", "id"),
				error("STALE_VERSION", "The ScanConflict changed since you read it (now version 0)", "input", "items", "2",
						"version"));
		assertThat(List.of(status(good), status(resolved), status(stale))).containsExactly("NEW", "IGNORED", "NEW");
		assertThat(nicRow(nic).get("ip")).isEqualTo(ipIn(subnetA, 5));
		assertThat(changeCount()).isEqualTo(changes);
	}

	@Test
	void aBulkAcceptStoppedByTheInventoryWritesNothing() {
		// two UNKNOWN conflicts of one MAC (on two ips): the second NIC would repeat the first's MAC
		var mac = data().mac();
		long first = raised(List.of(entry(mac, ipIn(subnetA, 80))), "UNKNOWN");
		long second = raised(List.of(entry(mac, ipIn(subnetA, 81))), "UNKNOWN");
		int changes = changeCount();

		var payload = bulk(staff, items(List.of(first, second), 0, 0), "ACCEPT", null);

		assertThat(errors(payload)).containsExactly(error("NOT_UNIQUE", "Another NIC has this MAC address", "input", "items", "1",
				"id"));
		assertThat(List.of(status(first), status(second))).containsExactly("NEW", "NEW");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM nic WHERE mac = ?::macaddr", Integer.class, mac)).isZero();
		assertThat(changeCount()).isEqualTo(changes);
	}

	// Helpers

	/** Posts a scan and answers the one conflict of this kind it created. */
	private long raised(List<Map<String, Object>> results, String kind) {
		return raised(scan(nextTime(), results), kind);
	}

	@SuppressWarnings("unchecked")
	private long raised(Map<String, Object> scan, String kind) {
		var payload = ingest(agent, scan);
		assertThat(errors(payload)).isEmpty();
		var conflict = created(payload).stream().filter(c -> kind.equals(c.get("kind"))).findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " conflict in " + payload));
		return GlobalId.decodeKey((String) ((Map<String, Object>) conflict.get("conflict")).get("id"), "ScanConflict", "id");
	}

	private static Map<String, Object> input(long conflict, int version, String resolution, String host) {
		var input = new LinkedHashMap<String, Object>();
		input.put("id", GlobalId.encode("ScanConflict", conflict));
		input.put("version", version);
		input.put("resolution", resolution);
		input.put("host", host);
		return input;
	}

	private Map<String, Object> resolve(String authorization, long conflict, int version, String resolution, String host) {
		return graphQl(authorization).document(RESOLVE).variable("input", input(conflict, version, resolution, host)).execute()
			.path("resolveScanConflict").entity(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
	}

	private static List<Map<String, Object>> items(List<Long> conflicts, int... versions) {
		var items = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < conflicts.size(); i++) {
			items.add(Map.of("id", GlobalId.encode("ScanConflict", conflicts.get(i)), "version", versions[i]));
		}
		return items;
	}

	private Map<String, Object> bulk(String authorization, List<Map<String, Object>> items, String resolution, String host) {
		var input = new LinkedHashMap<String, Object>();
		input.put("items", items);
		input.put("resolution", resolution);
		input.put("host", host);
		return graphQl(authorization).document(BULK).variable("input", input).execute().path("bulkResolveScanConflict")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
	}

	private static Map<String, Object> error(String code, String message, String... field) {
		return Map.of("code", code, "message", message, "field", List.of(field));
	}

	private static Map<String, Object> change(String action, String before, String after) {
		return Map.of("action", action, "before", before, "after", after);
	}

	private String status(long conflict) {
		return jdbc.queryForObject("SELECT status FROM scan_conflict WHERE id = ?", String.class, conflict);
	}

	private int version(long conflict) {
		return jdbc.queryForObject("SELECT version FROM scan_conflict WHERE id = ?", Integer.class, conflict);
	}

	private int changeCount() {
		return jdbc.queryForObject("SELECT count(*) FROM object_change", Integer.class);
	}

	private List<Long> actorsOfLastChanges(int n) {
		return jdbc.queryForList("SELECT DISTINCT user_id FROM (SELECT user_id FROM object_change ORDER BY id DESC LIMIT ?) c",
				Long.class, n);
	}

	private List<String> requestIdsOfLastChanges(int n) {
		return jdbc.queryForList(
				"SELECT DISTINCT request_id::text FROM (SELECT request_id FROM object_change ORDER BY id DESC LIMIT ?) c", String.class,
				n);
	}
}

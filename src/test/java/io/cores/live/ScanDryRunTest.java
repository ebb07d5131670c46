package io.cores.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dry run answers exactly what the scan would do (lines, counts, the conflicts it would
 * create and supersede) and writes nothing at all.
 */
class ScanDryRunTest extends IngestTest {

	@Test
	void aDryRunAnswersWhatTheScanWouldDoAndWritesNothing() {
		var agent = agent("rehearsal");
		long building = data().building("hq");
		long labA = data().lab(building, "a");
		var subnetA = data().subnet(labA);
		long rackA = data().rack(labA, "a1", false);
		long labB = data().lab(building, "b");
		var subnetB = data().subnet(labB);
		long defaultRackB = data().rack(labB, "b0", true);
		// a NEW host without rack whose NIC has no ip: takes the ip, goes ACTIVE, is placed
		long fresh = data().host("fresh", null, "NEW");
		var freshMac = data().mac();
		long freshNic = data().nic(fresh, freshMac, null, true, null);
		// a host whose NIC has an open conflict that the scan supersedes, in another lab's subnet
		long moved = data().host("moved", rackA, "ACTIVE");
		var movedMac = data().mac();
		long movedNic = data().nic(moved, movedMac, ipIn(subnetA, 2), true, null);
		ingest(agent, List.of(entry(movedMac, ipIn(subnetA, 3))));
		long open = (Long) conflictsWhere("nic_id = ?", movedNic).get(0).get("id");
		var stranger = data().mac();
		var virtualMac = "06" + data().mac().substring(2);
		var results = List.of(entry(freshMac, ipIn(subnetB, 10)), entry(movedMac, ipIn(subnetB, 11)),
				entry(stranger, ipIn(subnetA, 12)), entry(virtualMac, ipIn(subnetA, 13)), entry("bad", ipIn(subnetA, 14)));
		var time = nextTime();
		var before = snapshot(freshNic, movedNic, fresh, moved);

		var dry = scan(time, results);
		dry.put("dryRun", true);
		var rehearsed = ingest(agent, dry);

		assertThat(snapshot(freshNic, movedNic, fresh, moved)).as("nothing written").isEqualTo(before);
		assertThat(errors(rehearsed)).isEmpty();
		assertThat(rehearsed.get("session")).isNull();
		assertThat(stats(rehearsed)).isEqualTo(counts(5, 2, 1, 3, 1, 1, 1));
		assertThat(responses(rehearsed)).extracting(l -> l.get("outcome") + " " + l.get("location"))
			.containsExactly("IP_ACCEPTED PLACED", "NIC_CONFLICT CONFLICT", "UNKNOWN null", "VIRTUAL null", "INVALID null");
		assertThat(created(rehearsed)).extracting(c -> c.get("kind") + " " + c.get("status") + " " + c.get("conflict"))
			.containsExactly("NIC NEW null", "LOCATION NEW null", "UNKNOWN NEW null");
		assertThat(created(rehearsed).get(1)).containsEntry("hostId", GlobalId.encode("Host", moved))
			.containsEntry("currentLabId", GlobalId.encode("Lab", labA)).containsEntry("suggestedLabId", GlobalId.encode("Lab", labB));
		assertThat(superseded(rehearsed)).as("would be superseded, still open")
			.containsExactly(Map.of("id", GlobalId.encode("ScanConflict", open), "status", "NEW"));

		var real = ingest(agent, scan(time, results));

		assertThat(responses(real)).as("the real scan answers what the dry run said").isEqualTo(responses(rehearsed));
		assertThat(stats(real)).isEqualTo(stats(rehearsed));
		assertThat(created(real)).extracting(c -> c.get("kind") + " " + c.get("status") + " " + c.get("entry"))
			.containsExactly("NIC NEW 1", "LOCATION NEW 1", "UNKNOWN NEW 2");
		assertThat(hostRow(fresh)).containsEntry("status", "ACTIVE").containsEntry("rack_id", defaultRackB);
	}

	/**
	 * Row counts of every table of the schema, as the catalog lists them (a table added later is
	 * counted too), and the rows of the objects in play. Left out: ShedLock's table, which job
	 * schedules write on their own clock.
	 */
	private Map<String, Object> snapshot(long freshNic, long movedNic, long fresh, long moved) {
		var tables = jdbc.queryForList("""
				SELECT quote_ident(table_name) FROM information_schema.tables
				WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'shedlock'
				ORDER BY table_name""", String.class);
		assertThat(tables).as("tables counted").contains("scan_session", "scan_conflict", "virtual_host_scan", "nic", "host",
				"agent", "object_change", "bookable", "hold", "hold_notification", "mail_outbox", "job");
		var snapshot = new LinkedHashMap<String, Object>();
		for (var table : tables) {
			snapshot.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
		}
		snapshot.put("open conflicts", jdbc.queryForObject("SELECT count(*) FROM scan_conflict WHERE status IN ('NEW', 'IGNORED')", Long.class));
		snapshot.put("agents seen", jdbc.queryForList("SELECT last_seen_at FROM agent WHERE name = ?", data().name("rehearsal")));
		snapshot.put("freshNic", nicRow(freshNic));
		snapshot.put("movedNic", nicRow(movedNic));
		snapshot.put("fresh", hostRow(fresh));
		snapshot.put("moved", hostRow(moved));
		return snapshot;
	}
}

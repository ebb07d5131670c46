package io.cores.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.support.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ingest's SQL statements grow with the kinds of change it makes, not with its entries: a
 * scan of 500 results (matches, NIC and LOCATION conflicts, unknown and virtual MACs) runs as
 * many statements as one of 5 results of the same kinds, and a scan bringing 20 new hosts into
 * use (each NIC taking its ip, each host going ACTIVE and placed, all logged) as many as one
 * bringing one.
 */
class ScanStatementsTest extends IngestTest {

	private String agent;
	private long rack;
	private String home;
	private String away;
	private String landing;
	private long landingRack;
	private final List<Long> newHostIds = new ArrayList<>();
	private int hosts;
	private int landed;

	@BeforeEach
	void twoLabs() {
		agent = agent("counted");
		long building = data().building("hq");
		long lab = data().lab(building, "home");
		home = data().subnet(lab);
		rack = data().rack(lab, "r1", false);
		away = data().subnet(data().lab(building, "away"));
		long landingLab = data().lab(building, "landing");
		landing = data().subnet(landingLab);
		landingRack = data().rack(landingLab, "l0", true);
		// the token's first use of the minute writes its last-use time; keep that out of the counts
		ingest(agent, List.of());
	}

	@Test
	void aScanOfFiveHundredResultsRunsAsManyStatementsAsOneOfFive() {
		var small = statements(mixOf(1));
		var large = statements(mixOf(100));

		assertThat(large).as("statements for 500 results").isEqualTo(small);
		// the baseline (docs/performance.md): the ingest lock, the repeat check, the agent, the
		// session, three reads, the conflicts' keys and rows, virtual hosts, the agent seen, the
		// NICs seen, the conflicts read back and the session's outcome; the agent's token was
		// checked moments ago, which is taken on trust (a scan that authenticates costs one more)
		assertThat(small).as("statements per scan").isEqualTo(15);
	}

	@Test
	void newHostsThatTakeAnIpGoActiveAndArePlacedCostNoStatementsPerHost() {
		var one = statements(newHosts(1));
		var twenty = statements(newHosts(20));

		assertThat(twenty).as("statements for 20 new hosts").isEqualTo(one);
		// the baseline above, and for the inventory's changes: the NICs' ips, the hosts' status,
		// the hosts' racks, a statement each, and their change records, a batch each
		assertThat(one).as("statements per scan").isEqualTo(17);
		var ids = newHostIds.toArray(Long[]::new);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM host WHERE id = ANY (?) AND status = 'ACTIVE' AND rack_id = ?",
				Integer.class, ids, landingRack)).as("hosts gone ACTIVE and placed").isEqualTo(21);
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM object_change c JOIN nic n ON c.object_type = 'Nic' AND c.object_id = n.id
				WHERE n.host_id = ANY (?)""", Integer.class, (Object) ids))
			.as("the NICs' change records").isEqualTo(21);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM object_change WHERE object_type = 'Host' AND object_id = ANY (?)",
				Integer.class, (Object) ids)).as("the hosts' change records, status and rack").isEqualTo(42);
	}

	private int statements(List<Map<String, Object>> results) {
		// the agent seen moments ago, as an agent posting scan after scan is, however long the setup took
		assertThat(errors(ingest(agent, List.of()))).isEmpty();
		SqlStatements.reset();
		var payload = ingest(agent, results);
		int count = SqlStatements.count();
		assertThat(errors(payload)).isEmpty();
		assertThat(stats(payload).get("entries")).isEqualTo(results.size());
		return count;
	}

	/**
	 * NEW hosts without a rack whose NICs have no ip, scanned on ips of a lab with a default
	 * rack: each NIC takes its ip, each host goes ACTIVE and is placed, three change records each.
	 */
	private List<Map<String, Object>> newHosts(int count) {
		var results = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < count; i++) {
			long host = data().host("n" + hosts++, null, "NEW");
			newHostIds.add(host);
			var mac = data().mac();
			data().nic(host, mac, null, true, null);
			results.add(entry(mac, ipIn(landing, 1 + landed++)));
		}
		return results;
	}

	/** Per round: a NIC on its ip, one on another ip, one in the other lab, an unknown and a virtual MAC. */
	private List<Map<String, Object>> mixOf(int rounds) {
		var results = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < rounds; i++) {
			long host = data().host("h" + hosts++, rack, "ACTIVE");
			var same = data().mac();
			data().nic(host, same, ipIn(home, 1 + i), false, null);
			var moved = data().mac();
			data().nic(host, moved, ipIn(home, 101 + i), false, null);
			var wandered = data().mac();
			data().nic(host, wandered, null, false, null);
			results.add(entry(same, ipIn(home, 1 + i)));
			results.add(entry(moved, ipIn(home, 201 + i)));
			results.add(entry(wandered, ipIn(away, 1 + i)));
			results.add(entry(data().mac(), ipIn(home, 250)));
			results.add(entry("02" + data().mac().substring(2), ipIn(home, 251)));
		}
		return results;
	}
}

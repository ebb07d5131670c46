package io.cores.live;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conflicts, sessions and virtual host scans filtered by agent, time and lab under the same
 * names: {@code agent} and {@code scannedAt} as on sessions, {@code lab} as the lab whose
 * subnet holds the ip.
 */
class ScanFiltersTest extends ApiTest {

	private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

	private ScanRows scans;
	private String labA;
	private String subnetA;
	private String subnetB;
	private long early;
	private long late;
	private long earlyInA;
	private long lateInA;
	private long lateInB;

	@BeforeEach
	void twoAgentsTwoLabs() {
		scans = new ScanRows(data());
		long building = data().building("hq");
		long a = data().lab(building, "a");
		labA = data().name("a");
		subnetA = data().subnet(a);
		subnetB = data().subnet(data().lab(building, "b"));
		early = scans.session("early-agent", now.minusDays(3));
		late = scans.session("late-agent", now.minusHours(1));
		earlyInA = scans.unknownConflict(early, data().mac(), ip(subnetA, 5), "NEW");
		lateInA = scans.unknownConflict(late, data().mac(), ip(subnetA, 6), "IGNORED");
		lateInB = scans.unknownConflict(late, data().mac(), ip(subnetB, 7), "NEW");
	}

	@Test
	void conflictsFilterByTheirSessionsAgentAndTime() {
		assertThat(conflicts("{ agent: { eq: \"" + data().name("late-agent") + "\" } }")).containsExactly(lateInA, lateInB);
		assertThat(conflicts("{ scannedAt: { lt: \"" + now.minusDays(1) + "\" } }")).containsExactly(earlyInA);
		assertThat(conflicts("{ not: { agent: { startsWith: \"" + data().name("late") + "\" } } }")).containsExactly(earlyInA);
	}

	@Test
	void conflictsFilterByTheLabTheirIpLiesIn() {
		assertThat(conflicts("{ lab: { name: { eq: \"" + labA + "\" } } }")).containsExactly(earlyInA, lateInA);
		assertThat(conflicts("{ lab: { name: { eq: \"" + labA + "\" } }, status: { eq: NEW } }")).containsExactly(earlyInA);
		assertThat(conflicts("{ lab: { name: { eq: \"" + labA + "\" } }, agent: { eq: \"" + data().name("late-agent") + "\" } }"))
			.containsExactly(lateInA);
	}

	@Test
	void sessionsFilterByTheirConflictsWithTheSameFields() {
		var ids = graphQl().document("""
				query($f: ScanSessionFilter) { scanSessions(filter: $f, orderBy: [{ field: ID }]) { nodes { id } } }""")
			.variable("f", Map.of("agent", Map.of("startsWith", data().prefix()), "conflicts",
					Map.of("some", Map.of("lab", Map.of("name", Map.of("eq", labA)), "status", Map.of("eq", "IGNORED")))))
			.execute().path("scanSessions.nodes[*].id").entityList(String.class).get();
		assertThat(ids).containsExactly(GlobalId.encode("ScanSession", late));
	}

	@Test
	void virtualHostScansFilterByTheLabTheirIpLiesIn() {
		long inA = scans.virtualHost("02" + data().mac().substring(2), ip(subnetA, 9), "late-agent", now.minusDays(2), now);
		scans.virtualHost("02" + data().mac().substring(2), ip(subnetB, 9), "late-agent", now.minusDays(2), now);
		var ids = graphQl().document("""
				query($f: VirtualHostScanFilter) { virtualHostScans(filter: $f) { nodes { id } } }""")
			.variable("f", Map.of("agent", Map.of("eq", data().name("late-agent")), "lab", Map.of("name", Map.of("eq", labA))))
			.execute().path("virtualHostScans.nodes[*].id").entityList(String.class).get();
		assertThat(ids).containsExactly(GlobalId.encode("VirtualHostScan", inA));
	}

	private List<Long> conflicts(String filter) {
		var scoped = "{ and: [" + filter + ", { session: { agent: { startsWith: \"" + data().prefix() + "\" } } }] }";
		return graphQl().document("{ scanConflicts(filter: " + scoped + ", orderBy: [{ field: ID }]) { nodes { id } } }")
			.execute().path("scanConflicts.nodes[*].id").entityList(String.class).get().stream()
			.map(id -> GlobalId.decodeKey(id, "ScanConflict", "id")).toList();
	}

	private static String ip(String subnet, int n) {
		return subnet.replace(".0/24", "." + n);
	}
}

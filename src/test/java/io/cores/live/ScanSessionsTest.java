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

/** A scan session as stored: what the agent posted, what it was answered, and the counts. */
class ScanSessionsTest extends ApiTest {

	private final OffsetDateTime scannedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusHours(1);

	private ScanRows scans;

	@BeforeEach
	void scanRows() {
		scans = new ScanRows(data());
	}

	@Test
	void anAdminSeesAScanSessionsStatsRawResultsAndResponses() {
		var mac = data().mac();
		long session = scans.session("scanner", scannedAt,
				"[{\"ip\": \"10.9.0.1\", \"mac\": \"" + mac + "\"}, {\"ip\": \"10.9.0.2\", \"nic\": 17}]",
				"[\"10.9.0.1: matched\", \"10.9.0.2: unknown nic\"]", 2, 1, 1, 3, 1, 1, 0);

		var response = asAdmin().document("""
				query($id: ID!) {
				  scanSession(id: $id) {
				    id agent scannedAt processed rawResults responses registeredAgent { name }
				    stats { entries matched ipUpdated conflictsCreated conflictsSuperseded unknown virtual durationMs }
				  }
				}""").variable("id", GlobalId.encode("ScanSession", session)).execute();

		response.path("scanSession.agent").entity(String.class).isEqualTo(data().name("scanner"));
		response.path("scanSession.processed").entity(Boolean.class).isEqualTo(true);
		response.path("scanSession.registeredAgent").valueIsNull();
		response.path("scanSession.scannedAt").entity(String.class)
			.satisfies(at -> assertThat(OffsetDateTime.parse(at)).isEqualTo(scannedAt));
		response.path("scanSession.rawResults").entity(List.class)
			.isEqualTo(List.of(Map.of("ip", "10.9.0.1", "mac", mac), Map.of("ip", "10.9.0.2", "nic", 17)));
		response.path("scanSession.responses").entity(List.class)
			.isEqualTo(List.of("10.9.0.1: matched", "10.9.0.2: unknown nic"));
		response.path("scanSession.stats").entity(Map.class).isEqualTo(Map.of("entries", 2, "matched", 1, "ipUpdated", 1,
				"conflictsCreated", 3, "conflictsSuperseded", 1, "unknown", 1, "virtual", 0, "durationMs", 42));
	}

	@Test
	void aSessionOfARegisteredAgentLeadsToTheAgentAndBack() {
		long agent = scans.agent("registered");
		long registered = scans.session("registered", scannedAt);
		scans.registerSession(registered, agent);
		long earlier = scans.session("registered", scannedAt.minusHours(1));
		scans.registerSession(earlier, agent);
		scans.session("unregistered", scannedAt);

		graphQl().document("""
				query($id: ID!) { scanSession(id: $id) { registeredAgent { id name metadata } } }""")
			.variable("id", GlobalId.encode("ScanSession", registered)).execute()
			.path("scanSession.registeredAgent.id").entity(String.class).isEqualTo(GlobalId.encode("Agent", agent))
			.path("scanSession.registeredAgent.metadata").entity(Map.class).isEqualTo(Map.of("version", "1.4"));
		graphQl().document("""
				query($id: ID!) {
				  agent(id: $id) { scanSessions(orderBy: [{ field: SCANNED_AT, direction: DESC }]) { nodes { id } } }
				}""").variable("id", GlobalId.encode("Agent", agent)).execute()
			.path("agent.scanSessions.nodes[*].id").entityList(String.class)
			.containsExactly(GlobalId.encode("ScanSession", registered), GlobalId.encode("ScanSession", earlier));
	}

	@Test
	void sessionsFilterByAgentAndOrderByScanTime() {
		long first = scans.session("night", scannedAt.minusHours(2));
		long second = scans.session("night", scannedAt);
		scans.session("day", scannedAt);

		graphQl().document("""
				query($agent: String!) {
				  scanSessions(filter: { agent: { eq: $agent } }, orderBy: [{ field: SCANNED_AT, direction: DESC }]) {
				    totalCount nodes { id }
				  }
				}""").variable("agent", data().name("night")).execute()
			.path("scanSessions.nodes[*].id").entityList(String.class)
			.containsExactly(GlobalId.encode("ScanSession", second), GlobalId.encode("ScanSession", first))
			.path("scanSessions.totalCount").entity(Integer.class).isEqualTo(2);
	}

	@Test
	void virtualHostsSeenAreListedByMac() {
		var mac = "02" + data().mac().substring(2);
		long virtual = scans.virtualHost(mac, "10.9.1.7", "scanner", scannedAt.minusDays(1), scannedAt);

		graphQl().document("""
				query($mac: MacAddress!) {
				  virtualHostScans(filter: { mac: { eq: $mac } }) { nodes { id mac ip agent firstSeen lastSeen } }
				}""").variable("mac", mac.toUpperCase().replace(':', '-')).execute()
			.path("virtualHostScans.nodes[*].id").entityList(String.class)
			.containsExactly(GlobalId.encode("VirtualHostScan", virtual))
			.path("virtualHostScans.nodes[0].mac").entity(String.class).isEqualTo(mac)
			.path("virtualHostScans.nodes[0].ip").entity(String.class).isEqualTo("10.9.1.7")
			.path("virtualHostScans.nodes[0].agent").entity(String.class).isEqualTo(data().name("scanner"));
	}
}

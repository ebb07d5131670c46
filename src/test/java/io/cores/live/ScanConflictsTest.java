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

/** The three kinds of conflict, read through the ScanConflict interface and filtered. */
class ScanConflictsTest extends ApiTest {

	/**
	 * Every kind's own fields, through inline fragments. NIC and LOCATION conflicts declare
	 * nic and host with different nullability, so one of them needs aliases.
	 */
	private static final String KINDS = """
			__typename id kind status ip session { id }
			... on NicScanConflict { recordedIp scannedIp nic { mac } host { hostname } }
			... on LocationScanConflict { locationHost: host { hostname } answeringNic: nic { mac } currentLab { name } suggestedLab { name } }
			... on UnknownScanConflict { mac }
			""";

	private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

	private ScanRows scans;
	private long session;
	private long host;
	private String nicMac;
	private long nic;
	private String unknownMac;
	private long homeLab;
	private long otherLab;
	private long nicConflict;
	private long locationConflict;
	private long unknownConflict;

	@BeforeEach
	void oneConflictOfEachKind() {
		scans = new ScanRows(data());
		long building = data().building("hq");
		homeLab = data().lab(building, "home");
		otherLab = data().lab(building, "other");
		data().subnet(homeLab);
		var otherSubnet = data().subnet(otherLab);
		var strayIp = otherSubnet.replace(".0/24", ".9");
		host = data().host("server", data().rack(homeLab, "r1", false), "ACTIVE");
		nicMac = data().mac();
		nic = data().nic(host, nicMac, "10.9.2.1", true, now.minusDays(1));
		unknownMac = data().mac();
		session = scans.session("scanner", now);
		nicConflict = scans.nicConflict(session, nic, host, "10.9.2.1", strayIp, "NEW");
		locationConflict = scans.locationConflict(session, host, nic, strayIp, homeLab, otherLab, "IGNORED");
		unknownConflict = scans.unknownConflict(session, unknownMac, "10.9.2.200", "NEW");
	}

	@Test
	void conflictsOfAllThreeKindsResolveToTheirOwnTypesWithTheirOwnFields() {
		var conflicts = byType(graphQl().document("""
				query($id: ID!) { scanSession(id: $id) { conflicts(orderBy: [{ field: ID }]) { totalCount nodes { %s } } } }"""
			.formatted(KINDS)).variable("id", GlobalId.encode("ScanSession", session)).execute()
			.path("scanSession.conflicts.nodes").entityList(Map.class).get());

		assertThat(conflicts).containsOnlyKeys("NicScanConflict", "LocationScanConflict", "UnknownScanConflict");
		var strayIp = (String) conflicts.get("NicScanConflict").get("scannedIp");
		assertThat(conflicts.get("NicScanConflict"))
			.containsEntry("id", GlobalId.encode("ScanConflict", nicConflict))
			.containsEntry("kind", "NIC").containsEntry("status", "NEW")
			.containsEntry("recordedIp", "10.9.2.1").containsEntry("ip", strayIp)
			.containsEntry("nic", Map.of("mac", nicMac))
			.containsEntry("host", Map.of("hostname", data().name("server")))
			.containsEntry("session", Map.of("id", GlobalId.encode("ScanSession", session)));
		assertThat(conflicts.get("LocationScanConflict"))
			.containsEntry("id", GlobalId.encode("ScanConflict", locationConflict))
			.containsEntry("kind", "LOCATION").containsEntry("status", "IGNORED").containsEntry("ip", strayIp)
			.containsEntry("locationHost", Map.of("hostname", data().name("server")))
			.containsEntry("answeringNic", Map.of("mac", nicMac))
			.containsEntry("currentLab", Map.of("name", data().name("home")))
			.containsEntry("suggestedLab", Map.of("name", data().name("other")));
		assertThat(conflicts.get("UnknownScanConflict"))
			.containsEntry("id", GlobalId.encode("ScanConflict", unknownConflict))
			.containsEntry("kind", "UNKNOWN").containsEntry("mac", unknownMac).containsEntry("ip", "10.9.2.200")
			.doesNotContainKeys("nic", "host", "recordedIp");
	}

	/**
	 * A client listing conflicts asks for the nic and host of every kind that has them under
	 * the same names; the schema must let it (GraphQL refuses same-named fields of different
	 * nullability in one selection).
	 */
	@Test
	void nicAndHostOfNicAndLocationConflictsCanBeAskedUnderTheSameNames() {
		var nodes = graphQl().document("""
				query($id: ID!) {
				  scanSession(id: $id) {
				    conflicts(filter: { kind: { in: [NIC, LOCATION] } }, orderBy: [{ field: ID }]) {
				      nodes {
				        __typename
				        ... on NicScanConflict { nic { mac } host { hostname } }
				        ... on LocationScanConflict { nic { mac } host { hostname } }
				      }
				    }
				  }
				}""").variable("id", GlobalId.encode("ScanSession", session)).execute()
			.path("scanSession.conflicts.nodes").entityList(Map.class).get();

		assertThat(nodes).hasSize(2).allSatisfy(node -> assertThat(node)
			.containsEntry("nic", Map.of("mac", nicMac))
			.containsEntry("host", Map.of("hostname", data().name("server"))));
	}

	@Test
	void aConflictFetchedByIdOrAsANodeHasItsKindsType() {
		var id = GlobalId.encode("ScanConflict", unknownConflict);

		graphQl().document("""
				query($id: ID!) {
				  scanConflict(id: $id) { __typename ... on UnknownScanConflict { mac } }
				  node(id: $id) { __typename id }
				}""").variable("id", id).execute()
			.path("scanConflict.__typename").entity(String.class).isEqualTo("UnknownScanConflict")
			.path("scanConflict.mac").entity(String.class).isEqualTo(unknownMac)
			.path("node.__typename").entity(String.class).isEqualTo("UnknownScanConflict")
			.path("node.id").entity(String.class).isEqualTo(id);
	}

	@Test
	void hostScanConflictsListsTheHostsNicAndLocationConflictsOnly() {
		long otherHost = data().host("bystander", null, "ACTIVE");
		long otherNic = data().nic(otherHost, data().mac(), "10.9.3.1", true, now);
		scans.nicConflict(session, otherNic, otherHost, "10.9.3.1", "10.9.3.2", "NEW");

		graphQl().document("""
				query($id: ID!) {
				  host(id: $id) { scanConflicts(orderBy: [{ field: ID }]) { totalCount nodes { __typename id } } }
				}""").variable("id", GlobalId.encode("Host", host)).execute()
			.path("host.scanConflicts.nodes[*].__typename").entityList(String.class)
			.containsExactly("NicScanConflict", "LocationScanConflict")
			.path("host.scanConflicts.nodes[*].id").entityList(String.class)
			.containsExactly(GlobalId.encode("ScanConflict", nicConflict), GlobalId.encode("ScanConflict", locationConflict));
	}

	@Test
	void nicScanConflictsListTheConflictsAboutTheNic() {
		graphQl().document("""
				query($id: ID!) { nic(id: $id) { scanConflicts(orderBy: [{ field: KIND }]) { nodes { kind } } } }""")
			.variable("id", GlobalId.encode("Nic", nic)).execute()
			.path("nic.scanConflicts.nodes[*].kind").entityList(String.class).containsExactly("LOCATION", "NIC");
	}

	@Test
	void conflictsFilterByStatus() {
		assertThat(ids(Map.of("status", Map.of("eq", "NEW"))))
			.containsExactly(id(nicConflict), id(unknownConflict));
		assertThat(ids(Map.of("status", Map.of("in", List.of("IGNORED", "RESOLVED")))))
			.containsExactly(id(locationConflict));
	}

	@Test
	void conflictsFilterByKind() {
		assertThat(ids(Map.of("kind", Map.of("eq", "LOCATION")))).containsExactly(id(locationConflict));
		assertThat(ids(Map.of("kind", Map.of("ne", "LOCATION")))).containsExactly(id(nicConflict), id(unknownConflict));
		assertThat(ids(Map.of("kind", Map.of("eq", "NIC"), "status", Map.of("eq", "IGNORED")))).isEmpty();
	}

	@Test
	void conflictsFilterByMacWhichOnlyUnknownConflictsHave() {
		assertThat(ids(Map.of("mac", Map.of("eq", unknownMac.toUpperCase())))).containsExactly(id(unknownConflict));
		assertThat(ids(Map.of("mac", Map.of("isNull", true)))).containsExactly(id(nicConflict), id(locationConflict));
	}

	@Test
	void conflictsFilterThroughTheirHostAndSuggestedLab() {
		assertThat(ids(Map.of("host", Map.of("hostname", Map.of("eq", data().name("server"))))))
			.containsExactly(id(nicConflict), id(locationConflict));
		assertThat(ids(Map.of("suggestedLab", Map.of("id", Map.of("eq", GlobalId.encode("Lab", otherLab))))))
			.containsExactly(id(locationConflict));
		assertThat(ids(Map.of("nic", Map.of("mac", Map.of("eq", nicMac))))).containsExactly(id(nicConflict),
				id(locationConflict));
	}

	@Test
	void conflictsFilterByTheScannedIpsSubnet() {
		assertThat(ids(Map.of("ip", Map.of("inSubnet", "10.9.2.0/24")))).containsExactly(id(unknownConflict));
	}

	@Test
	void anIpv6ConflictIsFoundByTheAddressInAnySpelling() {
		long ipv6 = scans.unknownConflict(session, data().mac(), "2001:db8::5", "NEW");

		graphQl().document("""
				query($id: ID!) { scanConflict(id: $id) { ip } }""").variable("id", id(ipv6)).execute()
			.path("scanConflict.ip").entity(String.class).isEqualTo("2001:db8::5");
		assertThat(ids(Map.of("ip", Map.of("eq", "2001:DB8:0::5")))).containsExactly(id(ipv6));
	}

	/** The ids of this test's conflicts (this session's) that match {@code filter}, by id. */
	private List<String> ids(Map<String, Object> filter) {
		var scoped = Map.of("and", List.of(filter,
				Map.of("session", Map.of("id", Map.of("eq", GlobalId.encode("ScanSession", session))))));
		return graphQl().document("""
				query($filter: ScanConflictFilter) {
				  scanConflicts(filter: $filter, orderBy: [{ field: ID }]) { nodes { id } }
				}""").variable("filter", scoped).execute().path("scanConflicts.nodes[*].id").entityList(String.class).get();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> byType(List<Map> nodes) {
		var byType = new java.util.LinkedHashMap<String, Map<String, Object>>();
		for (var node : nodes) {
			byType.put((String) node.get("__typename"), node);
		}
		return byType;
	}

	private static String id(long conflict) {
		return GlobalId.encode("ScanConflict", conflict);
	}
}

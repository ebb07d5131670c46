package io.cores.platform.graphql;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every filter operator, relation filters and the boolean combinators, run in the database. */
class FilterTest extends ApiTest {

	private static final OffsetDateTime T1 = OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC);
	private static final OffsetDateTime T2 = T1.plusHours(1);

	private long alpha;
	private long beta;
	private String subnet;
	private String alphaMac;

	/** alpha (ACTIVE, racked, two NICs), beta (NEW, one NIC without ip), gamma (INACTIVE, no NICs). */
	@BeforeEach
	void threeHosts() {
		long building = data().building("hq");
		long lab = data().lab(building, "lab");
		subnet = data().subnet(lab);
		var base = subnet.substring(0, subnet.lastIndexOf('.'));
		long rack = data().rack(lab, "r1", true);
		alpha = data().host("Alpha", rack, "ACTIVE");
		beta = data().host("beta", null, "NEW");
		data().host("gamma", null, "INACTIVE");
		alphaMac = data().mac();
		data().nic(alpha, alphaMac, base + ".10", true, T1);
		data().nic(alpha, data().mac(), base + ".11", false, T2);
		data().nic(beta, data().mac(), null, false, null);
		jdbc.update("UPDATE host SET serial = 'SN-1' WHERE id = ?", alpha);
	}

	@Test
	void stringOperators() {
		assertThat(hosts("{ hostname: { eq: \"" + data().name("beta") + "\" } }")).containsExactly("beta");
		assertThat(hosts("{ hostname: { ne: \"" + data().name("beta") + "\" } }")).containsExactly("Alpha", "gamma");
		assertThat(hosts("{ hostname: { in: [\"" + data().name("beta") + "\", \"" + data().name("gamma") + "\"] } }"))
			.containsExactly("beta", "gamma");
		assertThat(hosts("{ hostname: { notIn: [\"" + data().name("beta") + "\"] } }")).containsExactly("Alpha", "gamma");
		assertThat(hosts("{ hostname: { contains: \"amm\" } }")).containsExactly("gamma");
		assertThat(hosts("{ hostname: { endsWith: \"eta\" } }")).containsExactly("beta");
		assertThat(hosts("{ hostname: { iContains: \"ALPHA\" } }")).containsExactly("Alpha");
		assertThat(hosts("{ hostname: { iEq: \"" + data().name("ALPHA").toUpperCase() + "\" } }")).containsExactly("Alpha");
	}

	/** Hostnames are looked up through their case-insensitive unique index; eq and in stay exact. */
	@Test
	void anExactHostnameMatchStaysExactThroughTheCaseInsensitiveIndex() {
		assertThat(hosts("{ hostname: { eq: \"" + data().name("Alpha") + "\" } }")).containsExactly("Alpha");
		assertThat(hosts("{ hostname: { eq: \"" + data().name("alpha") + "\" } }")).isEmpty();
		assertThat(hosts("{ hostname: { eq: \"" + data().name("BETA") + "\" } }")).isEmpty();
		assertThat(hosts("{ hostname: { in: [\"" + data().name("alpha") + "\", \"" + data().name("Alpha") + "\", \""
				+ data().name("GAMMA") + "\"] } }")).containsExactly("Alpha");
		assertThat(hosts("{ hostname: { in: [] } }")).isEmpty();
		assertThat(hosts("{ hostname: { eq: \"" + data().name("alpha") + "\", iEq: \"" + data().name("ALPHA") + "\" } }"))
			.isEmpty();
		// as a nested filter too (the fast read path writes it as SQL)
		assertThat(graphQl().document("{ racks(filter: { name: { eq: \"" + data().name("r1") + "\" } }) { nodes { "
				+ "hosts(filter: { hostname: { in: [\"" + data().name("Alpha") + "\", \"" + data().name("beta") + "\"] } }) "
				+ "{ nodes { hostname } } } } }")
			.execute().path("racks.nodes[*].hosts.nodes[*].hostname").entityList(String.class).get())
			.containsExactly(data().name("Alpha"));
	}

	@Test
	void nullTestsAndNeMatchesNulls() {
		assertThat(hosts("{ serial: { isNull: true } }")).containsExactly("beta", "gamma");
		assertThat(hosts("{ serial: { isNull: false } }")).containsExactly("Alpha");
		assertThat(hosts("{ serial: { eq: null } }")).containsExactly("beta", "gamma");
		assertThat(hosts("{ serial: { ne: \"SN-1\" } }")).containsExactly("beta", "gamma");
		assertThat(hosts("{ serial: { notIn: [\"SN-1\"] } }")).containsExactly("beta", "gamma");
	}

	@Test
	void enumOperators() {
		assertThat(hosts("{ status: { eq: ACTIVE } }")).containsExactly("Alpha");
		assertThat(hosts("{ status: { in: [NEW, INACTIVE] } }")).containsExactly("beta", "gamma");
		assertThat(hosts("{ status: { notIn: [NEW] } }")).containsExactly("Alpha", "gamma");
		assertThat(hosts("{ status: { ne: ACTIVE } }")).containsExactly("beta", "gamma");
	}

	@Test
	void orderedOperatorsOnDateTimes() {
		assertThat(nics("{ lastSeen: { lt: \"" + T2 + "\" } }")).containsExactly(T1.toInstant().toString());
		assertThat(nics("{ lastSeen: { lte: \"" + T2 + "\" } }")).hasSize(2);
		assertThat(nics("{ lastSeen: { gt: \"" + T1 + "\" } }")).containsExactly(T2.toInstant().toString());
		assertThat(nics("{ lastSeen: { gte: \"" + T1 + "\" } }")).hasSize(2);
	}

	@Test
	void booleanOperators() {
		assertThat(hosts("{ nics: { some: { primary: { eq: true } } } }")).containsExactly("Alpha");
		assertThat(hosts("{ nics: { some: { primary: { ne: true } } } }")).containsExactly("Alpha", "beta");
	}

	@Test
	void addressOperators() {
		var base = subnet.substring(0, subnet.lastIndexOf('.'));
		assertThat(hosts("{ ip: { eq: \"" + base + ".10\" } }")).containsExactly("Alpha");
		assertThat(hosts("{ ip: { inSubnet: \"" + subnet + "\" } }")).containsExactly("Alpha");
		assertThat(hosts("{ nics: { some: { ip: { gt: \"" + base + ".10\" } } } }")).containsExactly("Alpha");
		assertThat(hosts("{ nics: { some: { ip: { inSubnet: \"192.0.2.0/24\" } } } }")).isEmpty();
		var dashed = alphaMac.replace(':', '-').toUpperCase();
		assertThat(hosts("{ nics: { some: { mac: { eq: \"" + dashed + "\" } } } }")).containsExactly("Alpha");
		assertThat(hosts("{ nics: { some: { mac: { startsWith: \"00:1B:21\" } } } }")).containsExactly("Alpha", "beta");
		assertThat(labs("{ subnets: { containsIp: \"" + base + ".77\" } }")).containsExactly(data().name("lab"));
		assertThat(labs("{ subnets: { containsIp: \"192.0.2.1\" } }")).isEmpty();
	}

	@Test
	void globalIdOperators() {
		var alphaId = GlobalId.encode("Host", alpha);
		assertThat(hosts("{ id: { eq: \"" + alphaId + "\" } }")).containsExactly("Alpha");
		assertThat(hosts("{ id: { in: [\"" + alphaId + "\", \"" + GlobalId.encode("Host", beta) + "\"] } }"))
			.containsExactly("Alpha", "beta");
		assertThat(hosts("{ id: { notIn: [\"" + alphaId + "\"] } }")).containsExactly("beta", "gamma");
		graphQl().document("{ hosts(filter: { id: { eq: \"" + GlobalId.encode("Rack", alpha) + "\" } }) { totalCount } }")
			.execute().errors().expect(e -> e.getMessage().contains("is not a Host id")
					&& "BAD_REQUEST".equals(String.valueOf(e.getExtensions().get("classification"))));
	}

	@Test
	void relationFilters() {
		assertThat(hosts("{ rack: { lab: { name: { eq: \"" + data().name("lab") + "\" } } } }")).containsExactly("Alpha");
		assertThat(hosts("{ rack: { id: { isNull: true } } }")).containsExactly("beta", "gamma");
		assertThat(hosts("{ nics: { none: {} } }")).containsExactly("gamma");
		assertThat(hosts("{ nics: { every: { ip: { isNull: false } } } }")).containsExactly("Alpha", "gamma");
		assertThat(hosts("{ nics: { some: { ip: { isNull: true } } } }")).containsExactly("beta");
	}

	@Test
	void combinators() {
		assertThat(hosts("{ or: [{ status: { eq: NEW } }, { status: { eq: INACTIVE } }] }")).containsExactly("beta", "gamma");
		assertThat(hosts("{ not: { status: { eq: NEW } } }")).containsExactly("Alpha", "gamma");
		assertThat(hosts("{ and: [{ status: { ne: NEW } }, { nics: { some: {} } }] }")).containsExactly("Alpha");
		assertThat(hosts("{ or: [] }")).isEmpty();
	}

	private List<String> hosts(String filter) {
		var prefix = data().prefix() + "-";
		return graphQl().document("{ hosts(orderBy: [{ field: HOSTNAME }], filter: { and: [{ hostname: { startsWith: \""
				+ prefix + "\" } }, " + filter + "] }) { nodes { hostname } } }")
			.execute().path("hosts.nodes[*].hostname").entityList(String.class).get()
			.stream().map(h -> h.substring(prefix.length())).sorted(String.CASE_INSENSITIVE_ORDER).toList();
	}

	private List<String> nics(String filter) {
		return graphQl().document("{ nics(orderBy: [{ field: LAST_SEEN }], filter: { and: [{ host: { id: { eq: \""
				+ GlobalId.encode("Host", alpha) + "\" } } }, " + filter + "] }) { nodes { lastSeen } } }")
			.execute().path("nics.nodes[*].lastSeen").entityList(String.class).get()
			.stream().map(t -> OffsetDateTime.parse(t).toInstant().toString()).toList();
	}

	private List<String> labs(String filter) {
		return graphQl().document("{ labs(filter: { and: [{ name: { startsWith: \"" + data().prefix() + "\" } }, "
				+ filter + "] }) { nodes { name } } }")
			.execute().path("labs.nodes[*].name").entityList(String.class).get();
	}
}

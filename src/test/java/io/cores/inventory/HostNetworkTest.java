package io.cores.inventory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What a host's NICs say about it, and finding NICs and hosts by address. */
class HostNetworkTest extends ApiTest {

	private static final String HOST = """
			query($id: ID!) { host(id: $id) { ip lastSeen nics(orderBy: [{ field: MAC }]) { totalCount nodes { mac ip primary } } } }""";

	private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

	@Test
	void aHostsIpIsItsPrimaryNicsIpAndItsLastSeenTheLatestSighting() {
		long host = data().host("server", null, "ACTIVE");
		data().nic(host, data().mac(), "10.9.4.1", true, now.minusDays(2));
		data().nic(host, data().mac(), "10.9.4.2", false, now.minusMinutes(5));

		graphQl().document(HOST).variable("id", GlobalId.encode("Host", host)).execute()
			.path("host.ip").entity(String.class).isEqualTo("10.9.4.1")
			.path("host.lastSeen").entity(String.class)
			.satisfies(at -> assertThat(OffsetDateTime.parse(at)).isEqualTo(now.minusMinutes(5)))
			.path("host.nics.totalCount").entity(Integer.class).isEqualTo(2)
			.path("host.nics.nodes[*].primary").entityList(Boolean.class).containsExactly(true, false);
	}

	@Test
	void withoutAPrimaryNicAHostsIpIsTheMostRecentlySeenNics() {
		long host = data().host("server", null, "ACTIVE");
		data().nic(host, data().mac(), "10.9.5.1", false, now.minusDays(2));
		data().nic(host, data().mac(), "10.9.5.2", false, now.minusMinutes(5));
		data().nic(host, data().mac(), null, false, now.minusMinutes(1));

		graphQl().document(HOST).variable("id", GlobalId.encode("Host", host)).execute()
			.path("host.ip").entity(String.class).isEqualTo("10.9.5.2")
			.path("host.lastSeen").entity(String.class)
			.satisfies(at -> assertThat(OffsetDateTime.parse(at)).isEqualTo(now.minusMinutes(1)));
	}

	@Test
	void aHostWithoutNicsHasNoIp() {
		long host = data().host("dark", null, "NEW");

		graphQl().document(HOST).variable("id", GlobalId.encode("Host", host)).execute()
			.path("host.ip").valueIsNull()
			.path("host.lastSeen").valueIsNull()
			.path("host.nics.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void aNicIsFoundByItsMacInAnySpelling() {
		var mac = data().mac();
		long nic = data().nic(null, mac, null, false, null);
		var hex = mac.replace(":", "");
		var dotted = hex.substring(0, 4) + "." + hex.substring(4, 8) + "." + hex.substring(8);

		for (var spelling : new String[] { mac, mac.toUpperCase(), mac.replace(':', '-'), dotted }) {
			graphQl().document("query($mac: MacAddress!) { nics(filter: { mac: { eq: $mac } }) { nodes { id mac } } }")
				.variable("mac", spelling).execute()
				.path("nics.nodes[*].id").entityList(String.class).containsExactly(GlobalId.encode("Nic", nic))
				.path("nics.nodes[0].mac").entity(String.class).isEqualTo(mac);
		}
	}

	@Test
	void aMalformedMacIsAValidationErrorNotAServerError() {
		graphQl().document("query($mac: MacAddress!) { nics(filter: { mac: { eq: $mac } }) { totalCount } }")
			.variable("mac", "00:1b:21:zz:00:01").execute().errors()
			.expect(e -> "ValidationError".equals(String.valueOf(e.getExtensions().get("classification")))
					&& e.getMessage().contains("mac"))
			.verify();
	}

	@Test
	void hostsAreFoundByTheSubnetTheirIpLiesIn() {
		long building = data().building("hq");
		var subnet = data().subnet(data().lab(building, "lab"));
		long inside = data().host("inside", null, "ACTIVE");
		data().nic(inside, data().mac(), subnet.replace(".0/24", ".20"), true, now);
		long outside = data().host("outside", null, "ACTIVE");
		data().nic(outside, data().mac(), "10.9.6.20", true, now);

		graphQl().document("""
				query($prefix: String!, $subnet: CIDR!) {
				  hosts(filter: { hostname: { startsWith: $prefix }, ip: { inSubnet: $subnet } }) { nodes { hostname } }
				}""").variable("prefix", data().prefix()).variable("subnet", subnet).execute()
			.path("hosts.nodes[*].hostname").entityList(String.class).containsExactly(data().name("inside"));
	}

	@Test
	void hostsAreFoundByAVendorPrefixOfTheirNics() {
		long intel = data().host("intel", null, "ACTIVE");
		data().nic(intel, data().mac(), null, false, null);
		long other = data().host("other", null, "ACTIVE");
		data().nic(other, "52:54:00" + data().mac().substring(8), null, false, null);

		graphQl().document("""
				query($prefix: String!) {
				  hosts(filter: { hostname: { startsWith: $prefix }, nics: { some: { mac: { startsWith: "00:1B:21" } } } }) {
				    nodes { hostname }
				  }
				}""").variable("prefix", data().prefix()).execute()
			.path("hosts.nodes[*].hostname").entityList(String.class).containsExactly(data().name("intel"));
	}

	/**
	 * "Every NIC is a mgmt NIC" is false for a host with a NIC that has no role: a NIC
	 * without a role is not a mgmt NIC.
	 */
	@Test
	void aHostWithANicWithoutARoleDoesNotHaveEveryNicInThatRole() {
		long allMgmt = data().host("all-mgmt", null, "ACTIVE");
		nicWithRole(allMgmt, "mgmt");
		nicWithRole(allMgmt, "mgmt");
		long oneUnset = data().host("one-unset", null, "ACTIVE");
		nicWithRole(oneUnset, "mgmt");
		nicWithRole(oneUnset, null);
		long oneData = data().host("one-data", null, "ACTIVE");
		nicWithRole(oneData, "mgmt");
		nicWithRole(oneData, "data");

		graphQl().document("""
				query($prefix: String!) {
				  hosts(filter: { hostname: { startsWith: $prefix }, nics: { every: { role: { eq: "mgmt" } } } }) {
				    nodes { hostname }
				  }
				}""").variable("prefix", data().prefix()).execute()
			.path("hosts.nodes[*].hostname").entityList(String.class).containsExactly(data().name("all-mgmt"));
	}

	@Test
	void aHypervisorListsItsVmsAndEachVmItsHost() {
		long hypervisor = data().host("hv", null, "ACTIVE");
		jdbc.update("UPDATE host SET hypervisor = true WHERE id = ?", hypervisor);
		long vm = data().insert("INSERT INTO host (hostname, vm_host_id, status) VALUES (?, ?, 'ACTIVE') RETURNING id",
				data().name("vm1"), hypervisor);
		long card = data().card(hypervisor, "raid");

		graphQl().document("""
				query($id: ID!) {
				  host(id: $id) { hypervisor vms { nodes { id vmHost { hostname } } } cards { nodes { id cardType { name } host { id } } } }
				}""").variable("id", GlobalId.encode("Host", hypervisor)).execute()
			.path("host.hypervisor").entity(Boolean.class).isEqualTo(true)
			.path("host.vms.nodes[*].id").entityList(String.class).containsExactly(GlobalId.encode("Host", vm))
			.path("host.vms.nodes[0].vmHost.hostname").entity(String.class).isEqualTo(data().name("hv"))
			.path("host.cards.nodes[*].id").entityList(String.class).containsExactly(GlobalId.encode("Card", card))
			.path("host.cards.nodes[0].cardType.name").entity(String.class).isEqualTo(data().name("raid"));
	}

	private void nicWithRole(long host, String role) {
		long nic = data().nic(host, data().mac(), null, false, null);
		jdbc.update("UPDATE nic SET role = ? WHERE id = ?", role, nic);
	}
}

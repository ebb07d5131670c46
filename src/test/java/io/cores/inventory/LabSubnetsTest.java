package io.cores.inventory;

import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

/** A lab's subnets, and finding the lab an address belongs to. */
class LabSubnetsTest extends ApiTest {

	@Test
	void aLabsSubnetsComeInAddressOrder() {
		long lab = data().lab(data().building("hq"), "lab");
		// outside the 172.16/12 blocks TestData hands out, so no other test's subnet overlaps
		for (var subnet : new String[] { "198.18.10.0/24", "2001:db8:77::/48", "198.18.9.0/24", "198.18.100.0/24" }) {
			jdbc.update("INSERT INTO lab_subnet (lab_id, subnet) VALUES (?, ?::cidr)", lab, subnet);
		}

		graphQl().document("query($id: ID!) { lab(id: $id) { subnets } }").variable("id", GlobalId.encode("Lab", lab))
			.execute().path("lab.subnets").entityList(String.class)
			.containsExactly("198.18.9.0/24", "198.18.10.0/24", "198.18.100.0/24", "2001:db8:77::/48");
	}

	@Test
	void theLabWhoseSubnetHoldsAnAddressIsFoundByIt() {
		long building = data().building("hq");
		long home = data().lab(building, "home");
		var subnet = data().subnet(home);
		long other = data().lab(building, "other");
		data().subnet(other);
		data().lab(building, "bare");

		graphQl().document("""
				query($prefix: String!, $ip: IPAddress!) {
				  labs(filter: { name: { startsWith: $prefix }, subnets: { containsIp: $ip } }) { nodes { id } }
				}""").variable("prefix", data().prefix()).variable("ip", subnet.replace(".0/24", ".77")).execute()
			.path("labs.nodes[*].id").entityList(String.class).containsExactly(GlobalId.encode("Lab", home));
		graphQl().document("""
				query($prefix: String!) {
				  labs(filter: { name: { startsWith: $prefix }, subnets: { isNull: true } }) { nodes { name subnets } }
				}""").variable("prefix", data().prefix()).execute()
			.path("labs.nodes[*].name").entityList(String.class).containsExactly(data().name("bare"))
			.path("labs.nodes[0].subnets").entityList(String.class).hasSize(0);
	}

	@Test
	void aLabsRacksAndTheirHostsAreReachedFromTheBuilding() {
		long building = data().building("hq");
		long lab = data().lab(building, "lab");
		long rack = data().rack(lab, "r0", true);
		long host = data().host("racked", rack, "ACTIVE");

		graphQl().document("""
				query($id: ID!) {
				  building(id: $id) { labs { nodes { name racks { nodes { name isDefault lab { id } hosts { nodes { id } } } } } } }
				}""").variable("id", GlobalId.encode("Building", building)).execute()
			.path("building.labs.nodes[0].name").entity(String.class).isEqualTo(data().name("lab"))
			.path("building.labs.nodes[0].racks.nodes[0].isDefault").entity(Boolean.class).isEqualTo(true)
			.path("building.labs.nodes[0].racks.nodes[0].lab.id").entity(String.class).isEqualTo(GlobalId.encode("Lab", lab))
			.path("building.labs.nodes[0].racks.nodes[0].hosts.nodes[*].id").entityList(String.class)
			.containsExactly(GlobalId.encode("Host", host));
	}
}

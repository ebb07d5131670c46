package io.cores.platform.graphql;

import org.junit.jupiter.api.Test;

import io.cores.support.ApiTest;

/** Global ids: node and nodes resolve any object; ids of unknown or missing objects give null. */
class NodeTest extends ApiTest {

	@Test
	void nodeResolvesAnyTypeByItsGlobalId() {
		long host = data().host("n1", null, "NEW");
		long building = data().building("b1");
		graphQl().document("""
				query($host: ID!, $building: ID!) {
				  h: node(id: $host) { __typename id ... on Host { hostname } }
				  b: node(id: $building) { __typename ... on Building { name } }
				}""")
			.variable("host", GlobalId.encode("Host", host))
			.variable("building", GlobalId.encode("Building", building))
			.execute()
			.path("h.__typename").entity(String.class).isEqualTo("Host")
			.path("h.id").entity(String.class).isEqualTo(GlobalId.encode("Host", host))
			.path("h.hostname").entity(String.class).isEqualTo(data().name("n1"))
			.path("b.name").entity(String.class).isEqualTo(data().name("b1"));
	}

	@Test
	void nodesKeepsTheOrderAskedAndGivesNullForMissingObjects() {
		long first = data().host("first", null, "NEW");
		long second = data().host("second", null, "NEW");
		graphQl().document("query($ids: [ID!]!) { nodes(ids: $ids) { ... on Host { hostname } } }")
			.variable("ids", java.util.List.of(GlobalId.encode("Host", second), GlobalId.encode("Host", 999_999_999L),
					GlobalId.encode("Nowhere", 1), GlobalId.encode("Host", first)))
			.execute()
			.path("nodes[0].hostname").entity(String.class).isEqualTo(data().name("second"))
			.path("nodes[1]").valueIsNull()
			.path("nodes[2]").valueIsNull()
			.path("nodes[3].hostname").entity(String.class).isEqualTo(data().name("first"));
	}

	@Test
	void theTypedRootFieldRefusesAnIdOfAnotherType() {
		long building = data().building("b2");
		graphQl().document("query($id: ID!) { host(id: $id) { hostname } }")
			.variable("id", GlobalId.encode("Building", building))
			.execute()
			.errors().expect(e -> e.getMessage().contains("is not a Host id"));
	}
}

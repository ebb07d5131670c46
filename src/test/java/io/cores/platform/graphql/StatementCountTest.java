package io.cores.platform.graphql;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.cores.platform.graphql.fast.FastReads;
import io.cores.support.ApiTest;
import io.cores.support.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1, and nested pages cost what they ask for. Counted at the JDBC level
 * ({@link SqlStatements}), so statements from outside Hibernate count too. The fixture has
 * many distinct to-one keys (50 buildings, labs and racks, 50 card types), so a per-key
 * query could not hide behind one shared parent.
 */
class StatementCountTest extends ApiTest {

	private static final String QUERY = """
			query($prefix: String!, $first: Int!) {
			  hosts(first: $first, filter: { hostname: { startsWith: $prefix } }) {
			    nodes {
			      hostname
			      rack { name lab { name subnets building { name } } }
			      nics { nodes { mac ip primary } }
			      cards { nodes { serial cardType { name } } }
			      bookable { status }
			      tags { nodes { name } }
			    }
			  }
			}""";

	/** The baseline, one per relation: hosts, racks, labs, subnets, buildings, nics, cards, card types, bookables, tags. */
	private static final int STATEMENTS = 10;

	private static final int RACKS = 50;
	private static final int HOSTS_PER_RACK = 10;

	@Autowired
	private FastReads fastReads;

	@AfterEach
	void fastReadsOn() {
		fastReads.setEnabled(true);
	}

	@BeforeEach
	void fiveHundredHostsInFiftyRacks() {
		long tag = data().tag("fast");
		for (int i = 0; i < RACKS; i++) {
			long building = data().building("b" + i);
			long lab = data().lab(building, "l" + i);
			data().subnet(lab);
			long rack = data().rack(lab, "r" + i, false);
			long cardType = data().insert("INSERT INTO card_type (name) VALUES (?) RETURNING id", data().name("raid" + i));
			jdbc.update("""
					WITH made AS (
					  INSERT INTO host (hostname, rack_id, status)
					  SELECT ? || '-h' || lpad((? * 100 + g)::text, 5, '0'), ?, 'ACTIVE' FROM generate_series(1, ?) g
					  RETURNING id)
					INSERT INTO card (card_type_id, host_id, serial) SELECT ?, id, 'S' || id FROM made""",
					data().prefix(), i, rack, HOSTS_PER_RACK, cardType);
		}
		var hosts = "SELECT id FROM host WHERE hostname LIKE '" + data().prefix() + "-h%'";
		jdbc.update("INSERT INTO nic (host_id, mac, is_primary) SELECT h.id, lpad(to_hex(x'0025900000'::bigint * 256 + h.id * 4 + k), 12, '0')::macaddr, k = 0 FROM ("
				+ hosts + ") h, generate_series(0, 2) k");
		jdbc.update("INSERT INTO bookable (host_id, status) SELECT h.id, 'ACTIVE' FROM (" + hosts + ") h");
		jdbc.update("INSERT INTO tagged_item (tag_id, object_type, object_id) SELECT ?, 'Host', h.id FROM (" + hosts + ") h", tag);
	}

	@Test
	void aPageOfFiftyAndOfFiveHundredHostsRunTheSameStatements() {
		statementsFor(50);
		assertThat(SqlStatements.count()).isEqualTo(STATEMENTS);
		// 51 hosts (one to tell a next page), 5 racks, labs, subnets and buildings, 150 NICs,
		// 50 cards, 5 card types, 50 bookables, 50 tag links: what the page shows, nothing more
		assertThat(SqlStatements.rows()).isEqualTo(51 + 5 * 4 + 150 + 50 + 5 + 50 + 50);
		statementsFor(500);
		assertThat(SqlStatements.count()).isEqualTo(STATEMENTS);
	}

	/** On the resolver path (this query is plain, so the fast path, below, would take it). */
	@Test
	void aNestedPageReadsItsPageOfChildrenNotEveryChild() {
		fastReads.setEnabled(false);
		SqlStatements.reset();
		graphQl().document("""
				query($prefix: String!) {
				  racks(first: 50, filter: { name: { startsWith: $prefix } }) {
				    nodes { name hosts(first: 1) { nodes { hostname } pageInfo { hasNextPage } } }
				  }
				}""").variable("prefix", data().prefix()).execute()
			.path("racks.nodes").entityList(Object.class).hasSize(RACKS)
			.path("racks.nodes[7].hosts.nodes[0].hostname").entity(String.class).isEqualTo(data().name("h00701"))
			.path("racks.nodes[7].hosts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		assertThat(SqlStatements.count()).isEqualTo(2);
		// 50 racks (a 51st tells a next page, but there is none), then 2 hosts per rack
		assertThat(SqlStatements.rows()).isEqualTo(RACKS + RACKS * 2);
	}

	/**
	 * The same query on the fast path: one statement reads the racks' page (its filter
	 * written as SQL) and answers every rack with its first host and whether it has more, as
	 * one row of JSON per rack.
	 */
	@Test
	void theFastPathAnswersANestedPageInOneStatementOfARowPerParent() {
		SqlStatements.reset();
		graphQl().document(NESTED_PAGE).variable("prefix", data().prefix()).execute()
			.path("racks.nodes").entityList(Object.class).hasSize(RACKS)
			.path("racks.nodes[7].hosts.nodes[0].hostname").entity(String.class).isEqualTo(data().name("h00701"))
			.path("racks.nodes[7].hosts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		assertThat(SqlStatements.count()).isEqualTo(1);
		assertThat(SqlStatements.rows()).isEqualTo(RACKS);
	}

	private static final String NESTED_PAGE = """
			query($prefix: String!) {
			  racks(first: 50, filter: { name: { startsWith: $prefix } }) {
			    nodes { name hosts(first: 1) { nodes { hostname } pageInfo { hasNextPage } } }
			  }
			}""";

	@Test
	void aNestedPageThroughALinkTableReadsItsPageToo() {
		SqlStatements.reset();
		graphQl().document("""
				query($name: String!) {
				  tags(filter: { name: { eq: $name } }) {
				    nodes { hosts(first: 3, orderBy: [{ field: HOSTNAME, direction: DESC }]) { nodes { hostname } } }
				  }
				}""").variable("name", data().name("fast")).execute()
			.path("tags.nodes[0].hosts.nodes[*].hostname").entityList(String.class)
			.containsExactly(data().name("h04910"), data().name("h04909"), data().name("h04908"));
		assertThat(SqlStatements.count()).isEqualTo(2);
		assertThat(SqlStatements.rows()).as("one tag, then 3 of its 500 hosts and one more").isEqualTo(1 + 4);
	}

	private void statementsFor(int first) {
		SqlStatements.reset();
		graphQl().document(QUERY).variable("prefix", data().prefix()).variable("first", first).execute()
			.path("hosts.nodes").entityList(Object.class).hasSize(first)
			.path("hosts.nodes[0].nics.nodes").entityList(Object.class).hasSize(3)
			.path("hosts.nodes[0].rack.lab.building.name").entity(String.class).isEqualTo(data().name("b0"))
			.path("hosts.nodes[" + (first - 1) + "].rack.lab.building.name").entity(String.class)
			.isEqualTo(data().name("b" + (first - 1) / HOSTS_PER_RACK))
			.path("hosts.nodes[" + (first - 1) + "].cards.nodes[0].cardType.name").entity(String.class)
			.isEqualTo(data().name("raid" + (first - 1) / HOSTS_PER_RACK))
			.path("hosts.nodes[" + (first - 1) + "].tags.nodes[0].name").entity(String.class).isEqualTo(data().name("fast"))
			.path("hosts.nodes[" + (first - 1) + "].bookable.status").entity(String.class).isEqualTo("ACTIVE");
	}
}

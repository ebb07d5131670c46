package io.cores.platform.graphql;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.support.ApiTest;
import io.cores.support.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: a page of hosts with its nested relations costs the same number of SQL statements
 * for 50 hosts as for 500 (one per relation named), counted at Hibernate's statement level.
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

	@BeforeEach
	void fiveHundredHostsWithEverything() {
		long building = data().building("b");
		long lab = data().lab(building, "l");
		data().subnet(lab);
		long rack = data().rack(lab, "r", false);
		long tag = data().tag("fast");
		jdbc.update("""
				INSERT INTO host (hostname, rack_id, status)
				SELECT ? || '-h' || lpad(g::text, 3, '0'), ?, 'ACTIVE' FROM generate_series(1, 500) g""", data().prefix(), rack);
		var hosts = "SELECT id FROM host WHERE hostname LIKE '" + data().prefix() + "-h%'";
		jdbc.update("INSERT INTO nic (host_id, mac, is_primary) SELECT h.id, lpad(to_hex(x'0025900000'::bigint * 256 + h.id * 4 + k), 12, '0')::macaddr, k = 0 FROM ("
				+ hosts + ") h, generate_series(0, 2) k");
		long cardType = data().insert("INSERT INTO card_type (name) VALUES (?) RETURNING id", data().name("raid"));
		jdbc.update("INSERT INTO card (card_type_id, host_id, serial) SELECT ?, h.id, 'S' || h.id FROM (" + hosts + ") h", cardType);
		jdbc.update("INSERT INTO bookable (host_id, status) SELECT h.id, 'ACTIVE' FROM (" + hosts + ") h");
		jdbc.update("INSERT INTO tagged_item (tag_id, object_type, object_id) SELECT ?, 'Host', h.id FROM (" + hosts + ") h", tag);
	}

	@Test
	void aPageOfFiftyAndOfFiveHundredHostsRunTheSameStatements() {
		int fifty = statementsFor(50);
		int fiveHundred = statementsFor(500);
		assertThat(fifty).isEqualTo(STATEMENTS);
		assertThat(fiveHundred).isEqualTo(STATEMENTS);
	}

	private int statementsFor(int first) {
		SqlStatements.reset();
		graphQl().document(QUERY).variable("prefix", data().prefix()).variable("first", first).execute()
			.path("hosts.nodes").entityList(Object.class).hasSize(first)
			.path("hosts.nodes[0].nics.nodes").entityList(Object.class).hasSize(3)
			.path("hosts.nodes[0].rack.lab.building.name").entity(String.class).isEqualTo(data().name("b"))
			.path("hosts.nodes[" + (first - 1) + "].tags.nodes[0].name").entity(String.class).isEqualTo(data().name("fast"))
			.path("hosts.nodes[" + (first - 1) + "].bookable.status").entity(String.class).isEqualTo("ACTIVE");
		return SqlStatements.count();
	}
}

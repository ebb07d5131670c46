package io.cores.platform.graphql.limits;

import java.util.Map;

import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.support.ApiTest;
import io.cores.support.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/** Deep, costly, wide and oversized requests are refused before any SQL runs; normal ones pass. */
class QueryLimitsTest extends ApiTest {

	@BeforeEach
	void countFromZero() {
		SqlStatements.reset();
	}

	@Test
	void aQueryNestedBeyondTheDepthLimitIsRefusedBeforeAnySql() {
		var query = "{ hosts(first: 1) { nodes { " + "vmHost { ".repeat(16) + "hostname" + " }".repeat(16) + " } } }";
		assertRefused(query, "depth");
	}

	@Test
	void nestedPageSizesMultiplyIntoTheComplexityLimit() {
		assertRefused("""
				{ hosts(first: 500) { nodes { nics(first: 500) { nodes { scanConflicts(first: 500) { nodes { id } } } } } } }""",
				"complexity");
	}

	/** Documents are parsed and validated once, then reused: the sizes in the variables are still counted each time. */
	@Test
	void aDocumentAnsweredBeforeIsRefusedWhenItsVariablesMakeItTooCostly() {
		var query = "query($n: Int) { hosts(first: $n) { nodes { nics(first: $n) { nodes { scanConflicts(first: $n) { nodes { id } } } } } } }";
		graphQl().document(query).variable("n", 2).execute().errors().verify();
		SqlStatements.reset();
		graphQl().document(query).variable("n", 500).execute().errors()
			.expect(e -> e.getMessage().contains("complexity"))
			.verify();
		assertThat(SqlStatements.count()).as("SQL statements run for a refused query").isZero();
		graphQl().document(query).variable("n", 2).execute().errors().verify();
	}

	/** An operation that passed is not walked again, unless a flag or a page size in its variables has changed. */
	@Test
	void aDocumentThatPassedIsRefusedWhenAFlagIncludesTooMuch() {
		var query = """
				query($all: Boolean!) {
				  hosts(first: 20) { nodes { id nics(first: 500) @include(if: $all) { nodes { scanConflicts(first: 500) { nodes { id } } } } } }
				}""";
		graphQl().document(query).variable("all", false).execute().errors().verify();
		graphQl().document(query).variable("all", false).execute().errors().verify();
		graphQl().document(query).variable("all", true).execute().errors()
			.expect(e -> e.getMessage().contains("complexity"))
			.verify();
	}

	/**
	 * The limits look at the variables' lists cut to one item (a scan's 50,000 results are not
	 * traversed): the page sizes beside such a list are still counted.
	 */
	@Test
	void pageSizesBesideALongListInTheVariablesAreStillCounted() {
		var query = "query($n: Int, $ids: [ID!]!) { nodes(ids: $ids) { id } "
				+ "hosts(first: $n) { nodes { nics(first: $n) { nodes { scanConflicts(first: $n) { nodes { id } } } } } } }";
		var ids = java.util.Collections.nCopies(2_000, io.cores.platform.graphql.GlobalId.encode("Host", 1));
		SqlStatements.reset();
		graphQl().document(query).variable("n", 500).variable("ids", ids).execute().errors()
			.expect(e -> e.getMessage().contains("complexity"))
			.verify();
		assertThat(SqlStatements.count()).as("SQL statements run for a refused query").isZero();
		graphQl().document(query).variable("n", 2).variable("ids", ids.subList(0, 3)).execute().errors().verify();
	}

	@Test
	void tooManyAliasesAreRefused() {
		var fields = new StringBuilder();
		for (int i = 0; i < 31; i++) {
			fields.append(" a").append(i).append(": hostname");
		}
		assertRefused("{ hosts(first: 1) { nodes {" + fields + " } } }", "31 aliases; the maximum is 30");
	}

	@Test
	void aliasesHiddenInFragmentsAreCounted() {
		var fields = new StringBuilder();
		for (int i = 0; i < 31; i++) {
			fields.append(" a").append(i).append(": hostname");
		}
		assertRefused("{ hosts(first: 1) { nodes { ...many } } } fragment many on Host {" + fields + " }",
				"31 aliases; the maximum is 30");
	}

	@Test
	void tooManyRootFieldsAreRefused() {
		var roots = new StringBuilder();
		for (var name : new String[] { "hosts", "nics", "labs", "racks", "buildings", "cards", "cardTypes", "hdVendors",
				"hostBuilds", "hostTypes", "hostHardwares", "bookables", "bookings", "reservations", "projects", "notices",
				"loans", "jobs", "users", "groups", "agents" }) {
			roots.append(' ').append(name).append("(first: 1) { totalCount }");
		}
		assertRefused("{" + roots + " }", "21 root fields; the maximum is 20");
	}

	@Test
	void aBodyOverTheLimitIsRefusedWith413() {
		var padding = " ".repeat(150_000);
		client().post().bodyValue(Map.of("query", "{ hosts(first: 1) { totalCount } }" + padding)).exchange()
			.expectStatus().isEqualTo(413)
			.expectBody().jsonPath("$.errors[0].message").isEqualTo("Request body exceeds 102400 bytes");
		assertThat(SqlStatements.count()).isZero();
	}

	@Test
	void aNormalNestedQueryAndTheFullIntrospectionQueryPass() {
		graphQl().document("""
				{ hosts(first: 50) { nodes { hostname rack { lab { building { name } } } nics { nodes { mac } } bookable { status } } } }""")
			.execute().path("hosts.nodes").entityList(Object.class).hasSizeGreaterThan(0);
		graphQl().document(IntrospectionQuery.INTROSPECTION_QUERY).execute().path("__schema.types").entityList(Object.class)
			.hasSizeGreaterThan(100);
	}

	@Test
	void unknownFieldsGetNoSuggestions() {
		// the whole answer, pinned: a message that named a near field ("hosts", "Did you mean")
		// would let a caller map the schema field by field with introspection switched off
		client().post().bodyValue(Map.of("query", "{ hostz { totalCount } }")).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.data").doesNotExist()
			.jsonPath("$.errors.length()").isEqualTo(1)
			.jsonPath("$.errors[0].message")
			.isEqualTo("Validation error (FieldUndefined@[hostz]) : Field 'hostz' in type 'Query' is undefined")
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("ValidationError");
		assertThat(SqlStatements.count()).isZero();
	}

	private void assertRefused(String query, String messagePart) {
		graphQl().document(query).execute().errors()
			.expect(e -> e.getMessage().contains(messagePart))
			.verify();
		assertThat(SqlStatements.count()).as("SQL statements run for a refused query").isZero();
	}
}

package io.cores.platform.graphql.fast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.graphql.execution.GraphQlSource;

import io.cores.platform.graphql.NodeTypes;
import io.cores.platform.persistence.Json;
import io.cores.support.TestDatabase;
import io.cores.support.TestJwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast read path answers exactly what the resolvers answer: every query here is asked
 * twice over HTTP, with the fast path off and on, by an admin, a user and anonymous, on the
 * demo lab (a database of its own), and the two answers must be the same JSON, key order
 * included. Queries it does not take are answered by the resolvers both times, so they are
 * the same trivially; {@link #theFastPathTakesThePlainQueries} shows it takes the plain ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cores.demo.hosts=120")
@ActiveProfiles("test")
class FastReadEquivalenceTest {

	private static final String ADMIN = "Token cores_test-bootstrap-admin-key-0123456789";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerAnother(registry);
		TestJwt.register(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private FastReads fastReads;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private GraphQlSource graphQlSource;

	@Autowired
	private NodeTypes types;

	@AfterEach
	void on() {
		fastReads.setEnabled(true);
	}

	static final List<String> PLAIN = List.of("""
			{ hosts(first: 50) { nodes { id hostname status ip rack { name lab { name building { name } } }
			    nics { nodes { mac ip primary } } bookable { status } } } }""", """
			{ hosts(first: 5) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			    edges { cursor node { id __typename hostname createdAt updatedAt version lastSeen } } } }""", """
			{ hosts(last: 7, orderBy: [{ field: HOSTNAME, direction: DESC }]) { edges { cursor node { hostname } }
			    pageInfo { hasNextPage hasPreviousPage } } }""", """
			{ hosts(first: 20, filter: { status: { eq: ACTIVE }, rack: { lab: { name: { eq: "lab2" } } } }) {
			    nodes { id hostname nics { nodes { mac ip } } } } }""", """
			{ nics(first: 100, filter: { mac: { startsWith: "3c:fd:fe" } }) { nodes { mac ip host { hostname } } } }""", """
			{ a: hosts(first: 2) { nodes { name: hostname } } b: racks(first: 3) { nodes { id name lab { name } } }
			  __typename }""", """
			query($first: Int, $f: HostFilter) { hosts(first: $first, filter: $f) { nodes { ...h } } }
			fragment h on Host { hostname rack { ...r } }
			fragment r on Rack { name }""", """
			{ labs { nodes { name building { name } racks(first: 3) { totalCount pageInfo { hasNextPage } nodes { name } } } } }""", """
			{ hosts(first: 3) { nodes { hostname nics(first: 1) { totalCount edges { node { mac } } pageInfo { hasNextPage } } } } }""", """
			{ labs(first: 3) { nodes { name racks(first: 2, filter: { name: { startsWith: "r" } }) { edges { __typename node {
			    name hosts(first: 2, filter: { hostname: { contains: "%" } }) { totalCount } } } } } } }""", """
			{ buildings { nodes { name labs { nodes { name racks { totalCount } } } } } }""", """
			{ bookings(first: 30, orderBy: [{ field: START, direction: DESC }]) { nodes { start end comment cancelledAt
			    bookable { status host { hostname } } owner { username } } } }""", """
			{ hosts(first: 10, filter: { hostname: { startsWith: "lab1" } }) { nodes { hostname status nics { nodes { mac ip primary } }
			    bookable { bookings(first: 10) { nodes { start end } } reservations { totalCount nodes { start } } } } } }""", """
			{ bookables(first: 10) { nodes { status host { hostname } bookings(first: 2) { pageInfo { hasNextPage } nodes { id start } } } } }""", """
			{ hosts(first: 10, filter: { hostname: { startsWith: "lab1" } }) { nodes { hostname bookable {
			    bookings(first: 10, filter: { end: { gt: "2026-12-01T00:00:00Z" } }, orderBy: [{ field: START }]) {
			      totalCount pageInfo { hasNextPage } nodes { start end owner { username } } } } } } }""", """
			{ hosts(first: 5) { nodes { nics(first: 2, orderBy: [{ field: MAC, direction: DESC }], filter: { or: [
			    { primary: { eq: true } }, { ip: { isNull: true } }, { role: { in: ["data", "ipmi"] } } ] }) {
			      totalCount nodes { mac primary role } } } } }""", """
			{ hosts(first: 5) { nodes { hostname nics(first: 3, filter: { primary: { ne: false }, role: { iContains: "DAT" } },
			    orderBy: [{ field: IP, direction: DESC }]) { nodes { mac role ip } } } } }""");

	static final List<String> OTHERS = List.of("""
			{ hosts(first: 3) { nodes { hostname bookable { freeAt(time: "2026-01-01T00:00:00Z") } } } }""", """
			{ users(first: 5) { nodes { username email } } }""", """
			{ scanConflicts(first: 5) { nodes { id kind status } } }""", """
			{ hosts(first: 2) { nodes { nics(after: "x") { nodes { mac } } } } }""", """
			{ hosts(first: 2) { nodes { nics(filter: { not: { primary: { eq: true } } }) { nodes { mac } } } } }""", """
			{ hosts(first: 2) { nodes { nics(filter: { ip: { inSubnet: "10.0.0.0/8" } }) { nodes { mac } } } } }""", """
			{ hosts(first: -1) { nodes { hostname } } }""", """
			{ hosts(filter: { id: { eq: "nonsense" } }) { nodes { hostname } } }""", """
			{ hosts(after: "nonsense") { nodes { hostname } } }""", """
			{ labs { nodes { name subnets } } }""");

	@Test
	void everyQueryIsAnsweredAlikeWithTheFastPathOnAndOff() {
		var variables = new LinkedHashMap<String, Object>();
		variables.put("first", 4);
		variables.put("f", Map.of("hostname", Map.of("startsWith", "lab1")));
		var cases = new ArrayList<String>(PLAIN);
		cases.addAll(OTHERS);
		for (var query : cases) {
			for (var caller : new String[] { ADMIN, null }) {
				assertSame(query, variables, caller);
			}
		}
	}

	/**
	 * Generated from the served schema: every node type's fields, relations and first pages,
	 * in every order and direction, filtered on every scalar, and paged on from a cursor.
	 */
	@Test
	void everyGeneratedQueryIsAnsweredAlike() {
		var queries = new GeneratedQueries(graphQlSource.schema(), types).all();
		for (var type : types.all()) {
			if (type.objectTypes().size() == 1) {
				var cursors = Json.parse(post("{ %s(first: 3) { edges { cursor } } }".formatted(type.plural()), Map.of(), ADMIN));
				for (var cursor : cursorsIn(cursors).stream().skip(1).limit(1).toList()) {
					queries.add("{ %s(first: 2, after: \"%s\") { pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id } } }"
						.formatted(type.plural(), cursor));
					queries.add("{ %s(last: 2, before: \"%s\") { pageInfo { hasNextPage hasPreviousPage startCursor } edges { cursor } } }"
						.formatted(type.plural(), cursor));
				}
			}
		}
		double before = answered("fast");
		for (var query : queries) {
			for (var caller : new String[] { ADMIN, null }) {
				assertSame(query, Map.of(), caller);
			}
		}
		assertThat(answered("fast") - before).as("generated queries the fast path answered, of %d", queries.size() * 2)
			.isGreaterThan(queries.size() / 2.0);
	}

	@SuppressWarnings("unchecked")
	private static List<String> cursorsIn(Object answer) {
		var data = (Map<String, Object>) ((Map<String, Object>) answer).get("data");
		var connection = (Map<String, Object>) data.values().iterator().next();
		return ((List<Map<String, Object>>) connection.get("edges")).stream().map(e -> (String) e.get("cursor")).toList();
	}

	@Test
	void theFastPathTakesThePlainQueriesAndLeavesTheOthersToTheResolvers() {
		for (var query : PLAIN) {
			double before = answered("fast");
			post(query, Map.of("first", 4), ADMIN);
			assertThat(answered("fast") - before).as("answered by the fast path: %s", query).isEqualTo(1);
		}
		for (var query : OTHERS) {
			double before = answered("resolvers");
			post(query, Map.of(), ADMIN);
			assertThat(answered("resolvers") - before).as("answered by the resolvers: %s", query).isEqualTo(1);
		}
	}

	private double answered(String by) {
		return meters.get("cores.graphql.fast.reads").tag("answered", by).counter().count();
	}

	private void assertSame(String query, Map<String, Object> variables, String caller) {
		fastReads.setEnabled(false);
		var resolved = post(query, variables, caller);
		fastReads.setEnabled(true);
		var fast = post(query, variables, caller);
		assertThat(comparable(fast)).as("%s as %s", query, caller).isEqualTo(comparable(resolved));
	}

	/** The answer as JSON in one form, without the request id an error carries. */
	private static String comparable(String answer) {
		return Json.write(Json.parse(answer)).replaceAll("\"requestId\":\"[^\"]*\"", "");
	}

	private String post(String query, Map<String, Object> variables, String caller) {
		var request = client().post().contentType(MediaType.APPLICATION_JSON);
		if (caller != null) {
			request = request.header("Authorization", caller);
		}
		return request.bodyValue(Map.of("query", query, "variables", variables)).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer(new JdkClientHttpConnector()).baseUrl("http://localhost:" + port + "/graphql")
			.responseTimeout(java.time.Duration.ofSeconds(30)).build();
	}
}

package io.cores.platform.graphql;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Relay paging over keyset cursors: forward, backward, stable across inserts, limits. */
class PagingTest extends ApiTest {

	private static final String PAGE = """
			query($prefix: String!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: [HostOrder!]) {
			  hosts(filter: { hostname: { startsWith: $prefix } }, orderBy: $orderBy,
			        first: $first, after: $after, last: $last, before: $before) {
			    totalCount
			    edges { cursor node { hostname } }
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			  }
			}""";

	@BeforeEach
	void sevenHosts() {
		for (var name : List.of("a", "b", "c", "d", "e", "f", "g")) {
			data().host(name, null, "ACTIVE");
		}
	}

	@Test
	void pagesForwardWithCursorsUntilTheEnd() {
		var first = page(Map.of("first", 3));
		assertThat(names(first)).containsExactly("a", "b", "c");
		assertThat(first.get("totalCount")).isEqualTo(7);
		assertThat(pageInfo(first)).containsEntry("hasNextPage", true).containsEntry("hasPreviousPage", false);

		var second = page(Map.of("first", 3, "after", pageInfo(first).get("endCursor")));
		assertThat(names(second)).containsExactly("d", "e", "f");
		assertThat(pageInfo(second)).containsEntry("hasNextPage", true).containsEntry("hasPreviousPage", true);

		var third = page(Map.of("first", 3, "after", pageInfo(second).get("endCursor")));
		assertThat(names(third)).containsExactly("g");
		assertThat(pageInfo(third)).containsEntry("hasNextPage", false);
	}

	@Test
	void pagesBackwardFromTheEnd() {
		var last = page(Map.of("last", 3));
		assertThat(names(last)).containsExactly("e", "f", "g");
		assertThat(pageInfo(last)).containsEntry("hasPreviousPage", true).containsEntry("hasNextPage", false);

		var before = page(Map.of("last", 3, "before", pageInfo(last).get("startCursor")));
		assertThat(names(before)).containsExactly("b", "c", "d");

		var start = page(Map.of("last", 3, "before", pageInfo(before).get("startCursor")));
		assertThat(names(start)).containsExactly("a");
		assertThat(pageInfo(start)).containsEntry("hasPreviousPage", false).containsEntry("hasNextPage", true);
	}

	@Test
	void cursorsStayValidWhenRowsAreInsertedBeforeThem() {
		var byName = List.of(Map.of("field", "HOSTNAME", "direction", "ASC"));
		var first = page(Map.of("first", 3, "orderBy", byName));
		assertThat(names(first)).containsExactly("a", "b", "c");

		data().host("aa", null, "NEW");
		data().host("bb", null, "NEW");

		var next = page(Map.of("first", 3, "orderBy", byName, "after", pageInfo(first).get("endCursor")));
		assertThat(names(next)).containsExactly("d", "e", "f");
	}

	@Test
	void ordersByTheGivenFieldsWithTheIdBreakingTies() {
		data().host("z", null, "INACTIVE");
		var ordered = page(Map.of("first", 10, "orderBy",
				List.of(Map.of("field", "STATUS", "direction", "DESC"), Map.of("field", "HOSTNAME", "direction", "DESC"))));
		assertThat(names(ordered)).containsExactly("z", "g", "f", "e", "d", "c", "b", "a");

		var second = page(Map.of("first", 2, "after", pageInfo(page(Map.of("first", 2, "orderBy",
				List.of(Map.of("field", "STATUS", "direction", "DESC"), Map.of("field", "HOSTNAME", "direction", "DESC")))))
			.get("endCursor"), "orderBy",
				List.of(Map.of("field", "STATUS", "direction", "DESC"), Map.of("field", "HOSTNAME", "direction", "DESC"))));
		assertThat(names(second)).containsExactly("f", "e");
	}

	@Test
	void aPageOverTheMaximumIsAnErrorNotACut() {
		graphQl().document(PAGE).variable("prefix", data().prefix()).variable("first", 501).execute()
			.errors().expect(e -> e.getMessage().contains("first: 501 is over the maximum page size of 500")
					&& "BAD_REQUEST".equals(String.valueOf(e.getExtensions().get("classification"))));
	}

	@Test
	void firstAndLastTogetherAreRefused() {
		graphQl().document(PAGE).variable("prefix", data().prefix()).variable("first", 2).variable("last", 2).execute()
			.errors().expect(e -> e.getMessage().startsWith("first: may not be combined with last"));
	}

	@Test
	void aNegativePageSizeIsRefused() {
		graphQl().document(PAGE).variable("prefix", data().prefix()).variable("last", -1).execute()
			.errors().expect(e -> e.getMessage().equals("last: may not be negative"));
	}

	@Test
	void aMalformedCursorIsRefused() {
		graphQl().document(PAGE).variable("prefix", data().prefix()).variable("first", 2).variable("after", "not-a-cursor")
			.execute().errors().expect(e -> e.getMessage().equals("after: is not a valid cursor"));
	}

	@Test
	void aCursorOfAnotherOrderingIsRefused() {
		var byId = page(Map.of("first", 2));
		graphQl().document(PAGE).variable("prefix", data().prefix()).variable("first", 2)
			.variable("orderBy", List.of(Map.of("field", "HOSTNAME", "direction", "ASC")))
			.variable("after", pageInfo(byId).get("endCursor"))
			.execute().errors().expect(e -> e.getMessage().startsWith("after: is a cursor of another ordering"));
	}

	@Test
	void theDefaultPageIsFifty() {
		var hosts = new java.util.ArrayList<String>();
		for (int i = 0; i < 55; i++) {
			hosts.add("n" + i);
		}
		hosts.forEach(h -> data().host(h, null, "NEW"));
		var page = page(Map.of());
		assertThat(names(page)).hasSize(50);
		assertThat(pageInfo(page)).containsEntry("hasNextPage", true);
	}

	private Map<String, Object> page(Map<String, Object> variables) {
		var request = graphQl().document(PAGE).variable("prefix", data().prefix());
		for (var entry : variables.entrySet()) {
			request = request.variable(entry.getKey(), entry.getValue());
		}
		return request.execute().path("hosts").entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
	}

	@SuppressWarnings("unchecked")
	private List<String> names(Map<String, Object> connection) {
		var prefix = data().prefix() + "-";
		return ((List<Map<String, Object>>) connection.get("edges")).stream()
			.map(edge -> ((String) ((Map<String, Object>) edge.get("node")).get("hostname")).substring(prefix.length()))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> pageInfo(Map<String, Object> connection) {
		return (Map<String, Object>) connection.get("pageInfo");
	}
}

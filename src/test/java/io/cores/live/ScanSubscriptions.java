package io.cores.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.GraphQlSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** scanConflictCreated over graphql-transport-ws, for the subscription tests. */
final class ScanSubscriptions {

	static final String CREATED = """
			subscription($filter: ScanConflictFilter, $after: String) {
			  scanConflictCreated(filter: $filter, after: $after) {
			    cursor
			    conflict { id kind status ip session { agent } ... on UnknownScanConflict { mac } }
			  }
			}""";

	private ScanSubscriptions() {
	}

	/**
	 * A cursor at the newest conflict committed so far: a subscription from it gets every
	 * later one, however long its subscribe message takes to be served.
	 */
	static String cursorNow(JdbcTemplate jdbc) {
		return GlobalId.encode("ScanConflictEvent",
				jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM scan_conflict", Long.class));
	}

	/** The variables of a subscription: a filter and where to resume (either may be null). */
	static Map<String, Object> variables(Map<String, Object> filter, String after) {
		var variables = new LinkedHashMap<String, Object>();
		variables.put("filter", filter);
		variables.put("after", after);
		return variables;
	}

	/** The filter holding only the conflicts of one agent's scans, so tests see only their own. */
	static Map<String, Object> ofAgent(String agent) {
		return Map.of("session", Map.of("agent", Map.of("eq", agent)));
	}

	/** Both conditions (the agent's and another). */
	static Map<String, Object> and(Map<String, Object> one, Map<String, Object> other) {
		return Map.of("and", List.of(one, other));
	}

	/** The next {@code count} events: each the scanConflictCreated object of a next message without errors. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> events(GraphQlSocket socket, int count) throws InterruptedException {
		var events = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < count; i++) {
			var result = socket.nextResult();
			assertThat(result).doesNotContainKey("errors");
			events.add((Map<String, Object>) ((Map<String, Object>) result.get("data")).get("scanConflictCreated"));
		}
		return events;
	}

	/** The conflicts' global ids, in the order the events came. */
	@SuppressWarnings("unchecked")
	static List<String> ids(List<Map<String, Object>> events) {
		return events.stream().map(e -> (String) ((Map<String, Object>) e.get("conflict")).get("id")).toList();
	}

	/** Fails if the socket receives anything within a second. */
	static void nothingMore(GraphQlSocket socket) throws InterruptedException {
		assertThat(socket.poll(Duration.ofSeconds(1))).as("no further message").isNull();
	}
}

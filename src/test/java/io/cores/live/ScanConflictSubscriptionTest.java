package io.cores.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.cores.identity.Caller;
import io.cores.identity.Role;
import io.cores.platform.audit.Actor;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.GraphQlSocket;

import static io.cores.live.ScanSubscriptions.CREATED;
import static io.cores.live.ScanSubscriptions.and;
import static io.cores.live.ScanSubscriptions.cursorNow;
import static io.cores.live.ScanSubscriptions.events;
import static io.cores.live.ScanSubscriptions.ids;
import static io.cores.live.ScanSubscriptions.nothingMore;
import static io.cores.live.ScanSubscriptions.ofAgent;
import static io.cores.live.ScanSubscriptions.variables;
import static org.assertj.core.api.Assertions.assertThat;

/** scanConflictCreated over a real WebSocket: after commit, filtered as the query filters, visibility, resume. */
class ScanConflictSubscriptionTest extends IngestTest {

	@Autowired
	private ScanIngest ingest;

	@Autowired
	private PlatformTransactionManager transactions;

	private String token;
	private String agent;

	@BeforeEach
	void anAgent() {
		token = agent("watched");
		agent = data().name("watched");
	}

	@Test
	void aScanSendsItsConflictsOnceCommittedAndADryRunOrARefusedRepeatSendsNothing() throws Exception {
		try (var socket = GraphQlSocket.connect(port()).init(null)) {
			socket.subscribe("1", CREATED, variables(ofAgent(agent), cursorNow(jdbc)));
			var dryRun = scan(nextTime(), List.of(entry(data().mac(), "10.77.0.1")));
			dryRun.put("dryRun", true);
			assertThat(created(ingest(token, dryRun))).hasSize(1);
			var firstTime = nextTime();
			var first = ingest(token, scan(firstTime, List.of(entry(data().mac(), "10.77.0.2"))));
			var repeat = ingest(token, scan(firstTime, List.of(entry(data().mac(), "10.77.0.3"))));
			assertThat(errors(repeat)).extracting(e -> e.get("code")).containsExactly("NOT_UNIQUE");
			var last = ingest(token, List.of(entry(data().mac(), "10.77.0.4")));

			var events = events(socket, 2);

			assertThat(ids(events)).containsExactly(createdIds(first).get(0), createdIds(last).get(0));
			@SuppressWarnings("unchecked")
			var conflict = (Map<String, Object>) events.get(0).get("conflict");
			assertThat(conflict).containsEntry("kind", "UNKNOWN").containsEntry("status", "NEW")
				.containsEntry("ip", "10.77.0.2").containsEntry("session", Map.of("agent", agent));
			assertThat(events.get(0).get("cursor")).isEqualTo(GlobalId.encode("ScanConflictEvent",
					GlobalId.decodeKey((String) conflict.get("id"), "ScanConflict", "id")));
			nothingMore(socket);
		}
	}

	/**
	 * The ingest's conflicts are written and their event published inside the transaction; it
	 * is rolled back (as when a later step of the same transaction fails), so the subscriber gets
	 * nothing of it, and the committed scan after it arrives alone.
	 */
	@Test
	void anIngestRolledBackAfterItsConflictsWereWrittenSendsNothing() throws Exception {
		try (var socket = GraphQlSocket.connect(port()).init(null)) {
			socket.subscribe("1", CREATED, variables(ofAgent(agent), cursorNow(jdbc)));
			var asAgent = new Caller(null, null, Role.AGENT, Set.of(), null, false, agent, null);
			new TransactionTemplate(transactions).executeWithoutResult(status -> {
				var ingested = ingest.ingest(asAgent, new Actor(null, agent), null, null,
						List.of(new ScanEntry(data().mac(), null, "10.77.7.1")), false);
				assertThat(ingested.conflictsCreated()).hasSize(1);
				status.setRollbackOnly();
			});
			var committed = ingest(token, List.of(entry(data().mac(), "10.77.7.2")));

			assertThat(ids(events(socket, 1))).containsExactlyElementsOf(createdIds(committed));
			nothingMore(socket);
			assertThat(jdbc.queryForObject("SELECT count(*) FROM scan_conflict WHERE ip = '10.77.7.1'", Long.class)).isZero();
		}
	}

	@Test
	void withoutAfterASubscriptionGetsTheConflictsOfScansCommittedOnceItIsActive() throws Exception {
		try (var socket = GraphQlSocket.connect(port()).init(null)) {
			socket.subscribe("1", CREATED, variables(ofAgent(agent), null));
			// a subscribe message has no answer of its own: give it time to be served
			Thread.sleep(1500);
			var scan = ingest(token, List.of(entry(data().mac(), "10.77.1.1"), entry(data().mac(), "10.77.1.2")));

			assertThat(ids(events(socket, 2))).containsExactlyElementsOf(createdIds(scan));
			nothingMore(socket);
		}
	}

	@Test
	void theFilterMeansWhatItMeansInTheScanConflictsQuery() throws Exception {
		long building = data().building("b");
		long homeLab = data().lab(building, "home");
		long otherLab = data().lab(building, "other");
		data().subnet(homeLab);
		var strayIp = data().subnet(otherLab).replace(".0/24", ".9");
		long host = data().host("h", data().rack(homeLab, "r", false), "ACTIVE");
		var nicMac = data().mac();
		data().nic(host, nicMac, "10.9.3.1", true, null);
		var filters = List.<Map<String, Object>>of(
				Map.of("kind", Map.of("eq", "UNKNOWN")),
				Map.of("kind", Map.of("in", List.of("NIC", "LOCATION")), "status", Map.of("eq", "NEW")),
				Map.of("suggestedLab", Map.of("id", Map.of("eq", GlobalId.encode("Lab", otherLab)))),
				Map.of("host", Map.of("hostname", Map.of("eq", data().name("h")))),
				Map.of("not", Map.of("ip", Map.of("eq", strayIp))));
		var after = cursorNow(jdbc);
		var sockets = new ArrayList<GraphQlSocket>();
		try {
			for (int i = 0; i < filters.size(); i++) {
				var socket = GraphQlSocket.connect(port()).init(null);
				socket.subscribe("1", CREATED, variables(and(ofAgent(agent), filters.get(i)), after));
				sockets.add(socket);
			}
			var scan = ingest(token, List.of(entry(nicMac, strayIp), entry(data().mac(), "10.77.2.1")));
			assertThat(created(scan)).extracting(c -> c.get("kind")).containsExactlyInAnyOrder("NIC", "LOCATION", "UNKNOWN");

			for (int i = 0; i < filters.size(); i++) {
				var expected = queried(and(ofAgent(agent), filters.get(i)));
				assertThat(expected).as("filter %s matches something", filters.get(i)).isNotEmpty();
				assertThat(ids(events(sockets.get(i), expected.size()))).as("filter %s", filters.get(i))
					.containsExactlyElementsOf(expected);
				nothingMore(sockets.get(i));
			}
		}
		finally {
			sockets.forEach(GraphQlSocket::close);
		}
	}

	@Test
	void anAnonymousSubscriberSeesWhatAnAnonymousReaderSees() throws Exception {
		var selection = "id session { agent registeredAgent { name token { id } } }";
		var document = """
				subscription($filter: ScanConflictFilter, $after: String) {
				  scanConflictCreated(filter: $filter, after: $after) { conflict { %s } }
				}""".formatted(selection);
		var after = cursorNow(jdbc);
		try (var anonymous = GraphQlSocket.connect(port()).init(null);
				var admin = GraphQlSocket.connect(port()).init("Token " + ADMIN_KEY)) {
			anonymous.subscribe("1", document, variables(ofAgent(agent), after));
			admin.subscribe("1", document, variables(ofAgent(agent), after));
			var scan = ingest(token, List.of(entry(data().mac(), "10.77.3.1")));
			var id = createdIds(scan).get(0);

			var seenAnonymously = conflict(anonymous.nextResult());
			var seenByAdmin = conflict(admin.nextResult());

			var readAnonymously = graphQl().document("""
					query($filter: ScanConflictFilter) { scanConflicts(filter: $filter) { nodes { %s } } }""".formatted(selection))
				.variable("filter", ofAgent(agent)).execute().path("scanConflicts.nodes[0]").entity(Map.class).get();
			assertThat(seenAnonymously).isEqualTo(readAnonymously).containsEntry("id", id);
			assertThat(seenAnonymously.toString()).contains("token=null");
			assertThat(seenByAdmin.toString()).contains(id).doesNotContain("token=null");
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> conflict(Map<String, Object> result) {
		assertThat(result).doesNotContainKey("errors");
		var event = (Map<String, Object>) ((Map<String, Object>) result.get("data")).get("scanConflictCreated");
		return (Map<String, Object>) event.get("conflict");
	}

	@Test
	void resumingAfterTheLastCursorGetsWhatWasMissedInOrderThenNewOnesNoneTwice() throws Exception {
		String lastSeen;
		var expected = new ArrayList<String>();
		try (var socket = GraphQlSocket.connect(port()).init(null)) {
			socket.subscribe("1", CREATED, variables(ofAgent(agent), cursorNow(jdbc)));
			var first = ingest(token, List.of(entry(data().mac(), "10.77.4.1"), entry(data().mac(), "10.77.4.2")));
			var events = events(socket, 2);
			assertThat(ids(events)).containsExactlyElementsOf(createdIds(first));
			lastSeen = (String) events.get(1).get("cursor");
		}
		for (int i = 0; i < 2; i++) {
			expected.addAll(createdIds(ingest(token, List.of(entry(data().mac(), "10.77.5." + (2 * i + 1)),
					entry(data().mac(), "10.77.5." + (2 * i + 2))))));
		}
		try (var socket = GraphQlSocket.connect(port()).init(null)) {
			socket.subscribe("1", CREATED, variables(ofAgent(agent), lastSeen));
			var missed = events(socket, 4);
			assertThat(ids(missed)).containsExactlyElementsOf(expected);
			var live = ingest(token, List.of(entry(data().mac(), "10.77.6.1")));
			expected.addAll(createdIds(live));

			var next = events(socket, 1);

			assertThat(ids(next)).containsExactlyElementsOf(createdIds(live));
			nothingMore(socket);
		}
	}

	@Test
	void anAfterThatIsNoCursorIsRefusedNamingTheArgument() throws Exception {
		try (var socket = GraphQlSocket.connect(port()).init(null)) {
			socket.subscribe("1", CREATED, variables(null, "not-a-cursor"));
			var message = socket.next();
			assertThat(message.get("type")).isEqualTo("error");
			assertThat(message.toString()).contains("not-a-cursor").contains("argument=after").contains("BAD_REQUEST");
		}
	}

	/** The ids the scanConflicts query answers for this filter, in id order. */
	private List<String> queried(Map<String, Object> filter) {
		return graphQl().document("""
				query($filter: ScanConflictFilter) { scanConflicts(filter: $filter, orderBy: [{ field: ID }]) { nodes { id } } }""")
			.variable("filter", filter).execute().path("scanConflicts.nodes[*].id").entityList(String.class).get();
	}
}

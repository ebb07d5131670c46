package io.cores.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cores.jobs.JobCalls;
import io.cores.support.TestDatabase;
import io.cores.support.TestJwt;

/**
 * The demo lab as the server loads it at start-up (a database of its own with
 * {@code cores.demo.hosts=300}): its two scans went through the real ingest, so what they
 * left is read back over GraphQL as any client would — sessions with the ingest's own
 * responses and stats, conflicts deduplicated, superseded, ignored and accepted, virtual hosts
 * seen twice — and the inventory's side (NEW hosts activated and placed, the accepted ip, the
 * NIC created for an accepted unknown MAC) is in the change log under the agent's and the
 * staff member's names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cores.demo.hosts=300")
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoLabTest {

	private static final String AGENT = "netscan-01";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerAnother(registry);
		TestJwt.register(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theScansAreTheIngestsOwnWork() {
		var sessions = asAdmin().document("""
				{ scanSessions(orderBy: [{ field: SCANNED_AT, direction: ASC }]) { nodes {
				    agent scannedAt processed responses
				    stats { entries matched ipUpdated conflictsCreated conflictsSuperseded unknown virtual }
				    conflicts(first: 50) { nodes { kind status } } } } }""")
			.execute().path("scanSessions.nodes").entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			}).get();
		assertThat(sessions).hasSize(2);
		var earlier = sessions.get(0);
		var latest = sessions.get(1);
		assertThat(earlier.get("agent")).isEqualTo(AGENT);
		assertThat(latest.get("agent")).isEqualTo(AGENT);
		assertThat(Duration.between(OffsetDateTime.parse((String) earlier.get("scannedAt")),
				OffsetDateTime.parse((String) latest.get("scannedAt")))).isGreaterThan(Duration.ofDays(1));

		// 20 seen where recorded, 4 NICs on new addresses, 3 hosts in another lab's subnet,
		// 2 NEW hosts seen first, 3 unknown and 2 virtual MACs
		assertThat(earlier.get("stats")).isEqualTo(Map.of("entries", 34, "matched", 29, "ipUpdated", 2,
				"conflictsCreated", 13, "conflictsSuperseded", 0, "unknown", 3, "virtual", 2));
		// again: one NIC moved on (superseding its conflict), one unknown MAC and one virtual are new
		assertThat(latest.get("stats")).isEqualTo(Map.of("entries", 32, "matched", 27, "ipUpdated", 0,
				"conflictsCreated", 2, "conflictsSuperseded", 1, "unknown", 2, "virtual", 3));
		for (var session : sessions) {
			assertThat(session.get("processed")).isEqualTo(true);
			assertThat((List<?>) session.get("responses")).hasSize((Integer) stats(session).get("entries"));
		}

		// what staff made of the first scan's conflicts, and what the second superseded
		assertThat(kindsAndStatuses(earlier)).containsExactlyInAnyOrderElementsOf(List.of(
				"NIC NEW", "NIC SUPERSEDED", "NIC IGNORED", "NIC RESOLVED", "NIC NEW", "NIC NEW", "NIC NEW",
				"LOCATION NEW", "LOCATION NEW", "LOCATION IGNORED",
				"UNKNOWN NEW", "UNKNOWN IGNORED", "UNKNOWN RESOLVED"));
		assertThat(kindsAndStatuses(latest)).containsExactlyInAnyOrder("NIC NEW", "UNKNOWN NEW");
	}

	@Test
	void virtualHostsKeepTheirFirstSighting() {
		var scans = jdbc.queryForList("SELECT scanned_at FROM scan_session ORDER BY scanned_at", OffsetDateTime.class);
		var virtuals = anonymous().document("{ virtualHostScans { nodes { agent firstSeen lastSeen } } }")
			.execute().path("virtualHostScans.nodes").entity(new ParameterizedTypeReference<List<Map<String, String>>>() {
			}).get();
		assertThat(virtuals).hasSize(3).allSatisfy(v -> {
			assertThat(v.get("agent")).isEqualTo(AGENT);
			assertThat(OffsetDateTime.parse(v.get("lastSeen"))).isEqualTo(scans.get(1));
		});
		assertThat(virtuals).filteredOn(v -> OffsetDateTime.parse(v.get("firstSeen")).isEqual(scans.get(0))).hasSize(2);
		// the agent was last seen when it posted, after the latest scan's own timestamp
		assertThat(jdbc.queryForObject("SELECT last_seen_at FROM agent WHERE name = ?", OffsetDateTime.class, AGENT))
			.isAfter(scans.get(1));
	}

	@Test
	void theInventoryTookTheScansAndTheResolutions() {
		// the NEW hosts seen first: ACTIVE, with the scanned ip; the one without a rack placed
		assertThat(count("""
				SELECT count(*) FROM object_change WHERE object_type = 'Host' AND user_name = ? AND user_id IS NULL
				  AND data_after ->> 'status' = 'ACTIVE'""", AGENT)).isEqualTo(2);
		assertThat(count("""
				SELECT count(*) FROM object_change c JOIN host h ON h.id = c.object_id
				WHERE c.object_type = 'Host' AND c.user_name = ? AND c.data_after ->> 'rack' IS NOT NULL AND h.rack_id IS NOT NULL""", AGENT))
			.isEqualTo(1);
		// the accepted NIC conflict: the NIC has the scanned ip; the accepted unknown MAC: a NIC without a host
		assertThat(count("""
				SELECT count(*) FROM scan_conflict c JOIN nic n ON n.id = c.nic_id
				WHERE c.kind = 'NIC' AND c.status = 'RESOLVED' AND n.ip = c.ip""")).isEqualTo(1);
		assertThat(count("""
				SELECT count(*) FROM scan_conflict c JOIN nic n ON n.mac = c.mac
				WHERE c.kind = 'UNKNOWN' AND c.status = 'RESOLVED' AND n.host_id IS NULL AND n.ip = c.ip""")).isEqualTo(1);
		// every resolution is in the log under a staff member's name
		assertThat(count("""
				SELECT count(*) FROM object_change c JOIN app_user u ON u.id = c.user_id
				WHERE c.object_type = 'ScanConflict' AND u.role = 'STAFF' AND u.username = c.user_name""")).isEqualTo(5);
	}

	/**
	 * Issue 11, done when: on the demo lab, maintenance completes and says what it deleted (the
	 * lab has a notice, a booking, a reservation, a job run and a sent mail past the 3 months;
	 * bookings it cancelled about three months ago may go too), and the morning job leaves its
	 * mails in the outbox (this server has no mail server). Last, since maintenance deletes what
	 * the others may read.
	 */
	@Test
	@Order(Integer.MAX_VALUE)
	@SuppressWarnings("unchecked")
	void maintenanceAndTheMorningMailsRunOnTheDemoLab() throws Exception {
		// the lab's rows past the retention time (DemoModel.pastRetention), and some that are younger
		assertThat(count("SELECT count(*) FROM notice WHERE expires_at < now() - interval '100 days'")).isEqualTo(1);
		long youngNotices = count("SELECT count(*) FROM notice") - 1;
		long oldMail = count("SELECT id FROM mail_outbox WHERE sent_at < now() - interval '90 days'");
		long oldRun = count("SELECT job_id FROM mail_outbox WHERE id = ?", oldMail);
		var oldHolds = jdbc.queryForList("SELECT id FROM hold WHERE ends_at < now() - interval '95 days'", Long.class);
		assertThat(oldHolds).hasSize(2);
		long holds = count("SELECT count(*) FROM hold");

		var maintenance = JobCalls.awaitEnd(asAdmin(), JobCalls.run(asAdmin(), "maintenance"));
		assertThat(maintenance.get("status")).as("%s", maintenance).isEqualTo("COMPLETED");
		var deleted = (Map<String, Object>) maintenance.get("data");
		assertThat(deleted).containsKeys("notices", "scanSessions", "scanConflicts", "bookings", "reservations", "jobs",
				"sentMails");
		// what the lab has past the edge went, and was counted; its scans are young and stay
		assertThat(deleted).containsEntry("notices", 1).containsEntry("reservations", 1).containsEntry("jobs", 1)
			.containsEntry("sentMails", 1).containsEntry("scanSessions", 0);
		assertThat((Integer) deleted.get("bookings")).isPositive();
		assertThat(count("SELECT count(*) FROM notice")).isEqualTo(youngNotices);
		assertThat(count("SELECT count(*) FROM mail_outbox WHERE id = ?", oldMail)).isZero();
		assertThat(count("SELECT count(*) FROM job WHERE id = ?", oldRun)).isZero();
		assertThat(count("SELECT count(*) FROM hold WHERE id = ANY (?)", (Object) oldHolds.toArray(Long[]::new))).isZero();
		assertThat(count("SELECT count(*) FROM hold")).as("the holds counted, and no others, went")
			.isEqualTo(holds - (Integer) deleted.get("bookings") - (Integer) deleted.get("reservations"));
		assertThat(count("SELECT count(*) FROM scan_session")).isEqualTo(2);

		long todays = count("""
				SELECT count(DISTINCT h.owner_id) FROM hold h JOIN app_user u ON u.id = h.owner_id
				WHERE h.cancelled_at IS NULL AND u.email IS NOT NULL AND btrim(u.email) <> ''
				  AND (h.starts_at::date = current_date OR h.ends_at::date = current_date)""");
		assertThat(todays).as("demo owners with holds starting or ending today").isPositive();
		var morning = JobCalls.awaitEnd(asAdmin(), JobCalls.run(asAdmin(), "morning"));
		assertThat(morning.get("status")).as("%s", morning).isEqualTo("COMPLETED");
		assertThat(((List<Map<String, Object>>) morning.get("log"))).extracting(l -> l.get("message"))
			.contains("No mail server configured (spring.mail.host): mails stay in the outbox");
		var outbox = asAdmin().document("""
				{ outboxMails(first: 500, filter: { kind: { eq: "HOLDS_TODAY" }, sentAt: { isNull: true } }) { totalCount } }""")
			.execute().path("outboxMails.totalCount").entity(Long.class).get();
		assertThat(outbox).isEqualTo(todays);
	}

	/** Responses are readable by signed-in callers only. */
	private HttpGraphQlTester asAdmin() {
		return anonymous().mutate().header("Authorization", "Token cores_test-bootstrap-admin-key-0123456789").build();
	}

	private HttpGraphQlTester anonymous() {
		return HttpGraphQlTester.create(WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + port + "/graphql")
			.responseTimeout(Duration.ofSeconds(30))
			.build());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> stats(Map<String, Object> session) {
		return (Map<String, Object>) session.get("stats");
	}

	@SuppressWarnings("unchecked")
	private static List<String> kindsAndStatuses(Map<String, Object> session) {
		var nodes = (List<Map<String, Object>>) ((Map<String, Object>) session.get("conflicts")).get("nodes");
		return nodes.stream().map(n -> n.get("kind") + " " + n.get("status")).toList();
	}

	private long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}
}

package io.cores.jobs;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import io.cores.support.ApiTest;
import io.cores.support.GraphQlSocket;
import io.cores.support.ServerProcesses;
import io.cores.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The morning and maintenance jobs with a second server instance on the test server's database
 * (a JVM of its own, "jobs-b", one run thread, mailing to the same GreenMail). Which instance
 * takes a run is steered by keeping the other's run threads busy: the test server's with two
 * test-cancellable runs (jobs-b does not run those), jobs-b's with a 4-second test-tick (the
 * test server does not run that). Maintenance on jobs-b deletes 2 rows per batch. A subscriber
 * on the test server sees a run on jobs-b as it happens.
 */
@SuppressWarnings("unchecked")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsAcrossInstancesTest extends ApiTest {

	private static final String B = "jobs-b";

	@Autowired
	private JdbcConnectionDetails database;

	private ServerProcesses instances;

	@BeforeAll
	void startSecondInstance() throws Exception {
		instances = new ServerProcesses(database);
		var b = instances.start(B, List.of("-Dcores.test.tick-ms=4000"), List.of(
				"--cores.jobs.schedule=false",
				"--cores.jobs.run.threads=1",
				"--cores.jobs.run.poll=300ms",
				"--cores.jobs.maintenance.batch-size=2",
				"--cores.jobs.test-tick.enabled=true",
				"--cores.jobs.test-cancellable.enabled=false",
				"--cores.jobs.test-cancellable-2.enabled=false",
				"--cores.jobs.test-stubborn.enabled=false",
				"--cores.jobs.test-slow.enabled=false",
				"--cores.jobs.test-failing.enabled=false",
				"--cores.jobs.test-sleep.enabled=false",
				"--cores.jobs.send-mails.enabled=false",
				"--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + TestMail.server().getSmtp().getPort()));
		instances.awaitStarted(b);
	}

	@AfterAll
	void stopSecondInstance() throws InterruptedException {
		instances.close();
	}

	@Test
	void morningRunsOnBothInstancesTogetherAndAgainMailEachOwnerOnce() throws Exception {
		var zone = ZoneId.systemDefault();
		var today = LocalDate.now(zone).atStartOfDay(zone).toOffsetDateTime();
		long ada = data().user("ada");
		long bob = data().user("bob");
		long dee = data().user("dee");
		data().booking(bookable("rack-h1"), ada, today.plusMinutes(30), today.plusHours(25));
		data().reservation(bookable("later-h2"), bob, today.plusHours(2), null);
		long ended = data().booking(bookable("gone-h3"), dee, today.minusDays(5), today.minusDays(4));
		data().insert("INSERT INTO hold_notification (hold_id, owner_id, kind, reason) VALUES (?, ?, 'ENDED', ?) RETURNING id",
				ended, dee, "its host went INACTIVE");
		long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM job", Long.class);

		// both instances free: two runs due at once, each instance racing for them
		var together = List.of(JobCalls.run(asAdmin(), "morning"), JobCalls.run(asAdmin(), "morning"));
		var runs = new ArrayList<Map<String, Object>>();
		for (var id : together) {
			runs.add(JobCalls.awaitEnd(asAdmin(), id));
		}

		// again, on jobs-b: the test server's run threads are busy
		var busy = busyTestServer();
		var onB = JobCalls.awaitEnd(asAdmin(), JobCalls.run(asAdmin(), "morning"));
		runs.add(onB);
		var server = release(busy);

		// and again, on the test server: jobs-b's one run thread is busy
		var tick = JobCalls.run(asAdmin(), "test-tick");
		// test-tick writes no line of its own: "Started on jobs-b" is its first
		assertThat(JobCalls.awaitRunning(asAdmin(), tick, 1).get("instance")).isEqualTo(B);
		var onServer = JobCalls.awaitEnd(asAdmin(), JobCalls.run(asAdmin(), "morning"));
		runs.add(onServer);
		JobCalls.awaitEnd(asAdmin(), tick);

		assertThat(runs).allSatisfy(run -> assertThat(run.get("status")).as("%s", run).isEqualTo("COMPLETED"));
		var records = jdbc.queryForList("""
				SELECT id, instance, started_at, completed_at FROM job WHERE name = 'morning' AND id > ? ORDER BY started_at""",
				before);
		assertThat(records).hasSize(4);
		assertThat(records).extracting(r -> r.get("instance")).contains(B, server);
		for (int i = 1; i < records.size(); i++) {
			assertThat((java.sql.Timestamp) records.get(i).get("started_at")).as("morning runs do not overlap")
				.isAfterOrEqualTo((java.sql.Timestamp) records.get(i - 1).get("completed_at"));
		}
		assertThat(JobCalls.read(asAdmin(), (String) onB.get("id")).get("instance")).isEqualTo(B);
		assertThat(JobCalls.read(asAdmin(), (String) onServer.get("id")).get("instance")).isEqualTo(server);
		// whichever ran first wrote the mails; the three after it wrote none
		var written = runs.stream().map(r -> (Map<String, Object>) r.get("data"))
			.map(d -> (Integer) d.get("holdMails") + (Integer) d.get("notificationMails")).toList();
		assertThat(written.stream().filter(n -> n > 0).count()).as("runs that wrote mails: %s", written).isLessThanOrEqualTo(1);

		var mine = List.of(email("ada"), email("bob"), email("dee"));
		var outbox = jdbc.queryForList("SELECT kind, recipient, sent_at FROM mail_outbox WHERE recipient = ANY (?)",
				(Object) mine.toArray(String[]::new));
		assertThat(outbox).extracting(m -> m.get("recipient")).containsExactlyInAnyOrderElementsOf(mine);
		assertThat(outbox).allSatisfy(m -> assertThat(m.get("sent_at")).isNotNull());
		var received = Arrays.stream(TestMail.server().getReceivedMessages()).map(JobsAcrossInstancesTest::to)
			.filter(mine::contains).toList();
		assertThat(received).as("each reaches the mail server once").containsExactlyInAnyOrderElementsOf(mine);
	}

	@Test
	void maintenanceInSmallBatchesDeletesEverythingOldAndCountsIt() throws Exception {
		// first what is old already (other tests' rows): the run below then counts only these
		assertThat(JobCalls.awaitEnd(asAdmin(), JobCalls.run(asAdmin(), "maintenance")).get("status")).isEqualTo("COMPLETED");
		var now = OffsetDateTime.now();
		var old = now.minusMonths(3).minusDays(1);
		var recent = now.minusMonths(3).plusDays(1);
		var oldRows = new ArrayList<long[]>();
		var keptRows = new ArrayList<Object[]>();
		for (int i = 0; i < 5; i++) {
			oldRows.add(new long[] { 'n', notice("old-" + i, old) });
			oldRows.add(new long[] { 'm', mail("sent-old-" + i, old) });
		}
		keptRows.add(new Object[] { "notice", notice("recent", recent) });
		keptRows.add(new Object[] { "notice", notice("open", null) });
		int conflicts = 0;
		for (int i = 0; i < 4; i++) {
			long session = session("old-" + i, old);
			oldRows.add(new long[] { 's', session });
			for (int c = 0; c <= i % 2; c++) {
				oldRows.add(new long[] { 'c', conflict(session, "RESOLVED") });
				conflicts++;
			}
		}
		long withOpen = session("old-open", old);
		keptRows.add(new Object[] { "scan_session", withOpen });
		keptRows.add(new Object[] { "scan_conflict", conflict(withOpen, "NEW") });
		keptRows.add(new Object[] { "scan_session", session("recent", recent) });
		long owner = data().user("owner");
		for (int i = 0; i < 3; i++) {
			oldRows.add(new long[] { 'h', data().booking(bookable("b" + i), owner, old.minusDays(2), old) });
			oldRows.add(new long[] { 'j', job(old) });
		}
		for (int i = 0; i < 2; i++) {
			oldRows.add(new long[] { 'h', data().reservation(bookable("r" + i), owner, old.minusDays(2), old) });
		}
		keptRows.add(new Object[] { "hold", data().booking(bookable("recent"), owner, recent.minusDays(2), recent) });
		keptRows.add(new Object[] { "hold", data().reservation(bookable("open"), owner, old.minusDays(30), null) });
		keptRows.add(new Object[] { "job", job(recent) });
		keptRows.add(new Object[] { "mail_outbox", mail("unsent-old", null) });
		keptRows.add(new Object[] { "mail_outbox", mail("sent-recent", recent) });

		var busy = busyTestServer();
		var run = JobCalls.awaitEnd(asAdmin(), JobCalls.run(asAdmin(), "maintenance"));
		release(busy);

		assertThat(run.get("status")).as("%s", run).isEqualTo("COMPLETED");
		var id = (String) run.get("id");
		assertThat(JobCalls.read(asAdmin(), id).get("instance")).as("run by the instance with batch-size 2").isEqualTo(B);
		assertThat(((List<Map<String, Object>>) run.get("log"))).extracting(l -> (String) l.get("message"))
			.anyMatch(m -> m.endsWith(", 2 at a time"));
		var data = (Map<String, Object>) run.get("data");
		assertThat(data).containsEntry("notices", 5).containsEntry("sentMails", 5).containsEntry("scanSessions", 4)
			.containsEntry("scanConflicts", conflicts).containsEntry("bookings", 3).containsEntry("reservations", 2)
			.containsEntry("jobs", 3);
		var tables = Map.of('n', "notice", 'm', "mail_outbox", 's', "scan_session", 'c', "scan_conflict", 'h', "hold", 'j', "job");
		for (var row : oldRows) {
			assertThat(exists(tables.get((char) row[0]), row[1])).as("old %s %d goes", tables.get((char) row[0]), row[1]).isFalse();
		}
		for (var row : keptRows) {
			assertThat(exists((String) row[0], (Long) row[1])).as("%s %d stays", row[0], row[1]).isTrue();
		}
	}

	@Test
	void jobUpdatedOnThisInstanceReportsARunOnTheOther() throws Exception {
		try (var socket = GraphQlSocket.connect(port()).init("Token " + ADMIN_KEY)) {
			socket.subscribe("1", """
					subscription { jobUpdated(filter: { name: { eq: "test-tick" } }) { job { id status } line { level message } } }""",
					Map.of());
			// test-tick runs on jobs-b only (4 s); due in a moment, so the subscription is in place by then
			Map<String, Object> payload = asAdmin().document("""
					mutation($at: DateTime) { runJob(input: { name: "test-tick", at: $at }) { job { id } errors { message } } }""")
				.variable("at", OffsetDateTime.now().plusSeconds(2).toString()).execute().path("runJob").entity(Map.class).get();
			assertThat(errors(payload)).isEmpty();
			var id = (String) ((Map<String, Object>) payload.get("job")).get("id");
			var updates = JobCalls.updatesUntilCompleted(socket, id, Duration.ofSeconds(30));
			var statuses = updates.statuses();
			var lines = updates.lines();
			assertThat(JobCalls.read(asAdmin(), id).get("instance")).isEqualTo(B);
			assertThat(statuses).contains("RUNNING", "COMPLETED").isSubsetOf("SCHEDULED", "PENDING", "RUNNING", "COMPLETED");
			assertThat(statuses.get(statuses.size() - 1)).isEqualTo("COMPLETED");
			assertThat(lines).hasSize(2);
			assertThat(lines.get(0)).isEqualTo("Started on " + B);
			assertThat(lines.get(1)).startsWith("Completed in ");
		}
	}

	/** Starts two runs that only the test server runs and that keep both its run threads until cancelled. */
	private List<String> busyTestServer() throws InterruptedException {
		var busy = List.of(JobCalls.run(asAdmin(), "test-cancellable"), JobCalls.run(asAdmin(), "test-cancellable-2"));
		for (var id : busy) {
			JobCalls.awaitRunning(asAdmin(), id);
		}
		return busy;
	}

	/** Cancels the busy runs; the test server's instance name. */
	private String release(List<String> busy) throws InterruptedException {
		String instance = null;
		for (var id : busy) {
			assertThat(errors(JobCalls.cancel(asAdmin(), id))).isEmpty();
			var done = JobCalls.awaitEnd(asAdmin(), id);
			assertThat((String) done.get("error")).startsWith("Cancelled by ");
			instance = (String) JobCalls.read(asAdmin(), id).get("instance");
		}
		assertThat(instance).isNotEqualTo(B);
		return instance;
	}

	private boolean exists(String table, long id) {
		return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE id = ?", Integer.class, id) == 1;
	}

	private long bookable(String hostname) {
		return data().bookable(data().host(hostname, null, "ACTIVE"), "ACTIVE");
	}

	private String email(String user) {
		return data().name(user) + "@example.net";
	}

	private long notice(String title, OffsetDateTime expiresAt) {
		return data().insert("INSERT INTO notice (title, expires_at) VALUES (?, ?) RETURNING id", data().name(title), expiresAt);
	}

	private long session(String agent, OffsetDateTime at) {
		return data().insert("""
				INSERT INTO scan_session (agent, scanned_at, raw_results, processed, created_at)
				VALUES (?, ?, '[]'::jsonb, true, ?) RETURNING id""", data().name(agent), at, at);
	}

	private long conflict(long session, String status) {
		return data().insert("""
				INSERT INTO scan_conflict (kind, status, session_id, mac, ip) VALUES ('UNKNOWN', ?, ?, ?::macaddr, '10.99.0.1'::inet)
				RETURNING id""", status, session, data().mac());
	}

	private long job(OffsetDateTime at) {
		return data().insert("""
				INSERT INTO job (name, status, scheduled_at, started_at, completed_at, created_at)
				VALUES (?, 'COMPLETED', ?, ?, ?, ?) RETURNING id""", data().name("old-run"), at, at, at, at);
	}

	private long mail(String key, OffsetDateTime sentAt) {
		return data().insert("""
				INSERT INTO mail_outbox (kind, subject_key, day, recipient, subject, body, sent_at)
				VALUES ('HOLDS_TODAY', ?, current_date, 'someone@example.net', 'Hello', 'Body', ?) RETURNING id""",
				data().name(key), sentAt);
	}

	private static String to(jakarta.mail.internet.MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}

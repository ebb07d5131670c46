package io.cores.jobs;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.cores.jobs.internal.JobRuns;
import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;
import io.cores.support.GraphQlSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** Running jobs by hand, their records, cancelling, and watching them (schema/jobs.graphqls). */
@SuppressWarnings("unchecked")
class JobRunsTest extends ApiTest {

	@Autowired
	private JobRuns jobRuns;

	private static final String RUN = """
			mutation($name: String!, $at: DateTime) {
			  runJob(input: { name: $name, at: $at }) { job { id status version scheduledAt user { username } } errors { field message code } }
			}""";

	@Test
	void aFailingJobIsRecordedErroredWithItsErrorAndLog() throws Exception {
		var job = run("test-failing", null);
		var done = awaitEnd((String) job.get("id"));
		assertThat(done.get("status")).isEqualTo("ERRORED");
		assertThat(done.get("error")).isEqualTo("the disk is full");
		assertThat(done.get("startedAt")).isNotNull();
		assertThat(done.get("completedAt")).isNotNull();
		var messages = ((List<Map<String, Object>>) done.get("log")).stream().map(l -> (String) l.get("message")).toList();
		assertThat(messages).hasSize(3);
		assertThat(messages.get(0)).startsWith("Started on ");
		assertThat(messages.get(1)).isEqualTo("about to fail");
		assertThat(messages.get(2)).isEqualTo("ERRORED: the disk is full");
		assertThat(((List<Map<String, Object>>) done.get("log")).get(2).get("level")).isEqualTo("ERROR");
	}

	@Test
	void aRunAskedForNamesWhoAskedAndCompletesWithItsData() throws Exception {
		var job = run("test-slow", null);
		assertThat(job.get("status")).isEqualTo("PENDING");
		assertThat(((Map<String, Object>) job.get("user")).get("username")).isNotNull();
		var done = awaitEnd((String) job.get("id"));
		assertThat(done.get("status")).isEqualTo("COMPLETED");
		assertThat(done.get("data")).isEqualTo(Map.of("steps", 3));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM object_change WHERE object_type = 'Job' AND object_id = ?",
				Integer.class, GlobalId.decodeKey((String) job.get("id"), "Job", "id"))).isEqualTo(1);
	}

	@Test
	void anUnknownJobIsNotFoundNamingTheField() {
		Map<String, Object> payload = asAdmin().document(RUN).variable("name", "no-such-job").execute().path("runJob").entity(Map.class).get();
		assertThat(payload.get("job")).isNull();
		var error = errors(payload).get(0);
		assertThat(error.get("code")).isEqualTo("NOT_FOUND");
		assertThat(error.get("field")).isEqualTo(List.of("name"));
		assertThat((String) error.get("message")).contains("no-such-job").contains("maintenance");
	}

	@Test
	void aScheduledRunCanBeCancelledAndARunThatEndedCannot() throws Exception {
		var later = run("test-slow", OffsetDateTime.now().plusHours(1).toString());
		assertThat(later.get("status")).isEqualTo("SCHEDULED");
		var cancel = """
				mutation($id: ID!, $v: Int!) { cancelJob(input: { id: $id, version: $v }) { job { status error } errors { field code message } } }""";
		Map<String, Object> stale = asAdmin().document(cancel).variable("id", later.get("id")).variable("v", 7).execute()
			.path("cancelJob").entity(Map.class).get();
		assertThat(errors(stale).get(0).get("code")).isEqualTo("STALE_VERSION");
		Map<String, Object> cancelled = asAdmin().document(cancel).variable("id", later.get("id")).variable("v", later.get("version")).execute()
			.path("cancelJob").entity(Map.class).get();
		assertThat(errors(cancelled)).isEmpty();
		assertThat(((Map<String, Object>) cancelled.get("job")).get("status")).isEqualTo("ERRORED");
		assertThat((String) ((Map<String, Object>) cancelled.get("job")).get("error")).startsWith("Cancelled by ");

		var failed = awaitEnd((String) run("test-failing", null).get("id"));
		Map<String, Object> refused = asAdmin().document(cancel).variable("id", failed.get("id")).variable("v", failed.get("version")).execute()
			.path("cancelJob").entity(Map.class).get();
		assertThat(errors(refused).get(0).get("code")).isEqualTo("INVALID");
		assertThat(errors(refused).get(0).get("field")).isEqualTo(List.of("id"));
	}

	@Test
	void aRunningRunAskedToStopStopsAndEndsCancelled() throws Exception {
		var id = (String) run("test-cancellable", null).get("id");
		JobCalls.awaitRunning(asAdmin(), id);
		var asked = JobCalls.cancel(asAdmin(), id);
		assertThat(errors(asked)).isEmpty();
		var job = (Map<String, Object>) asked.get("job");
		assertThat(job.get("status")).as("asked, still running").isEqualTo("RUNNING");
		assertThat((String) job.get("error")).startsWith("Cancelled by ");

		var done = awaitEnd(id);
		assertThat(done.get("status")).isEqualTo("ERRORED");
		assertThat(done.get("error")).isEqualTo(job.get("error"));
		assertThat(done.get("completedAt")).isNotNull();
		assertThat(((Map<String, Object>) done.get("data")).get("rounds")).as("the job's own data is kept").isNotNull();
		var messages = ((List<Map<String, Object>>) done.get("log")).stream().map(l -> (String) l.get("message")).toList();
		assertThat(messages).contains("working", "stopping");
		assertThat(messages).anyMatch(m -> m.startsWith("Asked to stop: cancelled by "));
		assertThat(messages.get(messages.size() - 1)).isEqualTo("ERRORED: " + job.get("error"));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM object_change WHERE object_type = 'Job' AND object_id = ? AND action = 'UPDATE'",
				Integer.class, GlobalId.decodeKey(id, "Job", "id"))).isEqualTo(1);

		// the run has ended: nothing is left to cancel
		var again = JobCalls.cancel(asAdmin(), id);
		assertThat(errors(again).get(0).get("code")).isEqualTo("INVALID");
	}

	@Test
	void aRunningJobThatDoesNotLookAtCancelledRunsToItsEnd() throws Exception {
		var id = (String) run("test-stubborn", null).get("id");
		JobCalls.awaitRunning(asAdmin(), id);
		assertThat(errors(JobCalls.cancel(asAdmin(), id))).isEmpty();
		var done = awaitEnd(id);
		assertThat(done.get("status")).isEqualTo("COMPLETED");
		assertThat(done.get("error")).isNull();
		assertThat(done.get("data")).isEqualTo(Map.of("done", true));
		var messages = ((List<Map<String, Object>>) done.get("log")).stream().map(l -> (String) l.get("message")).toList();
		assertThat(messages).anyMatch(m -> m.startsWith("Asked to stop (Cancelled by ") && m.endsWith("ran to its end"));
	}

	@Test
	void jobUpdatedResumesAfterACursorWithWhatWasMissedNoneTwice() throws Exception {
		String id;
		String cursor;
		try (var socket = GraphQlSocket.connect(port()).init("Token " + ADMIN_KEY)) {
			socket.subscribe("1", """
					subscription { jobUpdated(filter: { name: { eq: "test-slow" } }) { cursor job { id } line { message } } }""",
					Map.of());
			id = (String) run("test-slow", OffsetDateTime.now().plusSeconds(2).toString()).get("id");
			cursor = null;
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (cursor == null && System.nanoTime() < deadline) {
				var update = (Map<String, Object>) ((Map<String, Object>) socket.nextResult().get("data")).get("jobUpdated");
				var line = (Map<String, Object>) update.get("line");
				if (((Map<String, Object>) update.get("job")).get("id").equals(id) && line != null
						&& "step 1".equals(line.get("message"))) {
					cursor = (String) update.get("cursor");
				}
			}
			assertThat(cursor).as("the cursor of step 1").isNotNull();
		}
		// disconnected: the run goes on to its end meanwhile
		assertThat(awaitEnd(id).get("status")).isEqualTo("COMPLETED");
		try (var socket = GraphQlSocket.connect(port()).init("Token " + ADMIN_KEY)) {
			socket.subscribe("1", """
					subscription($after: String) { jobUpdated(filter: { name: { eq: "test-slow" } }, after: $after) {
					  cursor job { id status } line { message } } }""", Map.of("after", cursor));
			var lines = new ArrayList<String>();
			var statuses = new ArrayList<String>();
			var cursors = new ArrayList<String>();
			while (!statuses.contains("COMPLETED")) {
				var message = socket.poll(Duration.ofSeconds(10));
				assertThat(message).as("the missed updates come").isNotNull();
				assertThat(message.get("type")).as("%s", message).isEqualTo("next");
				var result = (Map<String, Object>) message.get("payload");
				var update = (Map<String, Object>) ((Map<String, Object>) result.get("data")).get("jobUpdated");
				cursors.add((String) update.get("cursor"));
				var job = (Map<String, Object>) update.get("job");
				assertThat(job.get("id")).isEqualTo(id);
				var line = (Map<String, Object>) update.get("line");
				if (line == null) {
					statuses.add((String) job.get("status"));
				}
				else {
					lines.add((String) line.get("message"));
				}
			}
			assertThat(lines).hasSize(3);
			assertThat(lines.subList(0, 2)).containsExactly("step 2", "step 3");
			assertThat(lines.get(2)).startsWith("Completed in ");
			assertThat(statuses).containsExactly("COMPLETED");
			assertThat(cursors).doesNotHaveDuplicates().doesNotContain(cursor);
			assertThat(socket.poll(Duration.ofMillis(500))).as("nothing more, nothing twice").isNull();
		}
		try (var socket = GraphQlSocket.connect(port()).init("Token " + ADMIN_KEY)) {
			socket.subscribe("1", "subscription { jobUpdated(after: \"not-a-cursor\") { cursor } }", Map.of());
			assertThat(socket.next().toString()).contains("not-a-cursor").contains("after");
		}
	}

	@Test
	void jobDefinitionsNameEveryJobAndItsSchedule() {
		List<Map> definitions = asAdmin().document("{ jobDefinitions { name description schedule nextRunAt } }").execute()
			.path("jobDefinitions").entityList(Map.class).get();
		var byName = new java.util.LinkedHashMap<String, Map<String, Object>>();
		definitions.forEach(d -> byName.put((String) d.get("name"), d));
		assertThat(byName).containsKeys("morning", "maintenance", "send-mails", "test-failing");
		assertThat(byName.get("morning").get("schedule")).isEqualTo("cron 0 23 8 * * *");
		assertThat(byName.get("maintenance").get("schedule")).isEqualTo("cron 0 23 3 * * *");
		assertThat(byName.get("test-failing").get("schedule")).isNull();
		// the test servers schedule nothing (cores.jobs.schedule=false)
		assertThat(byName.get("morning").get("nextRunAt")).isNull();
	}

	@Test
	void jobUpdatedReportsStatusChangesAndLogLines() throws Exception {
		try (var socket = GraphQlSocket.connect(port()).init("Token " + ADMIN_KEY)) {
			socket.subscribe("1", """
					subscription { jobUpdated(filter: { name: { eq: "test-slow" } }) { job { id name status } line { level message } } }""",
					Map.of());
			// due in a moment: the subscription is in place by then
			var id = (String) run("test-slow", OffsetDateTime.now().plusSeconds(2).toString()).get("id");
			var updates = JobCalls.updatesUntilCompleted(socket, id, Duration.ofSeconds(20));
			var statuses = updates.statuses();
			var lines = updates.lines();
			assertThat(statuses).contains("RUNNING", "COMPLETED");
			assertThat(statuses.get(statuses.size() - 1)).isEqualTo("COMPLETED");
			assertThat(lines.subList(1, 4)).containsExactly("step 1", "step 2", "step 3");
			assertThat(lines.get(0)).startsWith("Started on ");
		}
	}

	/**
	 * What a running job's {@code context.log(...)} does (JobRuns.log), on a run that an instance
	 * elsewhere holds with a lease far ahead, so that no worker here claims, renews or reaps it
	 * meanwhile: each line is a row added; the run's own row is not written at all.
	 */
	@Test
	void aLogLineIsARowAddedAndLeavesTheRunsRecordUntouched() throws Exception {
		long run = data().insert("""
				INSERT INTO job (name, status, scheduled_at, started_at, instance, lease_until)
				VALUES (?, 'RUNNING', now(), now(), 'elsewhere', now() + interval '1 hour') RETURNING id""",
				data().name("held-run"));
		var id = GlobalId.encode("Job", run);
		try {
			var row = "SELECT version, updated_at, xmin::text AS xmin FROM job WHERE id = ?";
			var before = jdbc.queryForMap(row, run);
			var read = JobCalls.read(asAdmin(), id);
			var updatedAt = updatedAt(id);

			jobRuns.log(run, "INFO", "first line");
			jobRuns.log(run, "WARNING", "second line");

			assertThat(jdbc.queryForMap(row, run)).as("the job row, not rewritten").isEqualTo(before);
			var after = JobCalls.read(asAdmin(), id);
			assertThat(after.get("version")).isEqualTo(read.get("version"));
			assertThat(updatedAt(id)).isEqualTo(updatedAt);
			assertThat((List<Map<String, Object>>) after.get("log")).containsExactly(
					Map.of("level", "INFO", "message", "first line"), Map.of("level", "WARNING", "message", "second line"));
		}
		finally {
			jdbc.update("DELETE FROM job_log_line WHERE job_id = ?", run);
			jdbc.update("DELETE FROM job WHERE id = ?", run);
		}
	}

	private String updatedAt(String id) {
		return asAdmin().document("query($id: ID!) { job(id: $id) { updatedAt } }").variable("id", id).execute()
			.path("job.updatedAt").entity(String.class).get();
	}

	@Test
	void onlyAdminsSubscribeToJobs() throws Exception {
		try (var socket = GraphQlSocket.connect(port()).init("Token " + data().tokenFor("watcher", "STAFF"))) {
			socket.subscribe("1", "subscription { jobUpdated { job { id } } }", Map.of());
			var message = socket.next();
			assertThat(message.toString()).contains("FORBIDDEN").doesNotContain("jobUpdated={");
		}
	}

	private Map<String, Object> run(String name, String at) {
		var request = asAdmin().document(RUN).variable("name", name);
		if (at != null) {
			request = request.variable("at", at);
		}
		Map<String, Object> payload = request.execute().path("runJob").entity(Map.class).get();
		assertThat(errors(payload)).isEmpty();
		return (Map<String, Object>) payload.get("job");
	}

	/** The run's record once it has ended (the test worker polls every 500 ms). */
	private Map<String, Object> awaitEnd(String id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			var job = asAdmin().document("""
					query($id: ID!) { job(id: $id) { id status version error data startedAt completedAt log { level message } } }""")
				.variable("id", id).execute().path("job").entity(Map.class).get();
			var status = (String) job.get("status");
			if (!List.of("PENDING", "SCHEDULED", "RUNNING").contains(status)) {
				return job;
			}
			assertThat(System.nanoTime()).as("run " + id + " ends within 30 s, still " + status).isLessThan(deadline);
			Thread.sleep(100);
		}
	}
}

package io.cores.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Running a job over GraphQL as an admin and waiting for its record to end. */
@SuppressWarnings("unchecked")
public final class JobCalls {

	private JobCalls() {
	}

	/** runJob now; the run's id. */
	public static String run(GraphQlTester admin, String name) {
		Map<String, Object> payload = admin.document("""
				mutation($name: String!) { runJob(input: { name: $name }) { job { id status } errors { field message code } } }""")
			.variable("name", name).execute().path("runJob").entity(Map.class).get();
		assertThat((List<?>) payload.get("errors")).as("runJob " + name).isEmpty();
		return (String) ((Map<String, Object>) payload.get("job")).get("id");
	}

	/** The run's record once it has ended (the test worker polls every 500 ms). */
	public static Map<String, Object> awaitEnd(GraphQlTester admin, String id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			Map<String, Object> job = admin.document("""
					query($id: ID!) { job(id: $id) { id status version error data startedAt completedAt log { level message } } }""")
				.variable("id", id).execute().path("job").entity(Map.class).get();
			var status = (String) job.get("status");
			if (!List.of("PENDING", "SCHEDULED", "RUNNING").contains(status)) {
				return job;
			}
			assertThat(System.nanoTime()).as("run " + id + " ends within 60 s, still " + status).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	/** The run's record now. */
	public static Map<String, Object> read(GraphQlTester admin, String id) {
		return admin.document("""
				query($id: ID!) { job(id: $id) { id status version error instance data log { level message } } }""")
			.variable("id", id).execute().path("job").entity(Map.class).get();
	}

	/** Waits until the run is RUNNING (and has written its first line of its own); its record then. */
	public static Map<String, Object> awaitRunning(GraphQlTester admin, String id) throws InterruptedException {
		return awaitRunning(admin, id, 2);
	}

	/** Waits until the run is RUNNING with at least {@code lines} lines in its log; its record then. */
	public static Map<String, Object> awaitRunning(GraphQlTester admin, String id, int lines) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			var job = read(admin, id);
			if (job.get("status").equals("RUNNING") && ((List<?>) job.get("log")).size() >= lines) {
				return job;
			}
			assertThat(job.get("status")).as("run " + id).isIn("PENDING", "SCHEDULED", "RUNNING");
			assertThat(System.nanoTime()).as("run " + id + " runs within 30 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	/** cancelJob with the run's current version; the payload. */
	public static Map<String, Object> cancel(GraphQlTester admin, String id) {
		var version = read(admin, id).get("version");
		return admin.document("""
				mutation($id: ID!, $v: Int!) { cancelJob(input: { id: $id, version: $v }) { job { id status error } errors { field code message } } }""")
			.variable("id", id).variable("v", version).execute().path("cancelJob").entity(Map.class).get();
	}

	/** What {@code jobUpdated} on {@code socket} (subscribed as "1") told of run {@code id}, until it COMPLETED or time ran out. */
	public static Updates updatesUntilCompleted(io.cores.support.GraphQlSocket socket, String id, Duration timeout)
			throws Exception {
		var updates = new Updates(new java.util.ArrayList<>(), new java.util.ArrayList<>());
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!updates.statuses().contains("COMPLETED") && System.nanoTime() < deadline) {
			var update = (Map<String, Object>) ((Map<String, Object>) socket.nextResult().get("data")).get("jobUpdated");
			var job = (Map<String, Object>) update.get("job");
			if (!job.get("id").equals(id)) {
				continue;
			}
			var line = (Map<String, Object>) update.get("line");
			if (line == null) {
				updates.statuses().add((String) job.get("status"));
			}
			else {
				updates.lines().add((String) line.get("message"));
			}
		}
		return updates;
	}

	/** A run's statuses and log lines, in the order they came. */
	public record Updates(List<String> statuses, List<String> lines) {
	}
}

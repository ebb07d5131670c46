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
}

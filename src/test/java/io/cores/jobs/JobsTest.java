package io.cores.jobs;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The record of a job run: status, times, result data, error and log. */
class JobsTest extends ApiTest {

	private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

	@Test
	void aJobShowsItsLogLinesOldestFirstAndItsData() {
		long job = job("morning", "COMPLETED", now.minusMinutes(2), now.minusMinutes(1), null,
				"{\"emailsSent\": 3, \"owners\": [\"ada\", \"grace\"], \"dryRun\": false}", """
						[{"at": "2026-01-05T08:23:00Z", "level": "INFO", "message": "starting"},
						 {"at": "2026-01-05T08:23:01+01:00", "level": "WARNING", "message": "no email for bob"},
						 {"at": "2026-01-05T08:23:02Z", "level": "INFO", "message": "sent 3 emails"}]""");

		var response = graphQl().document("""
				query($id: ID!) { job(id: $id) { name status data error log { at level message } } }""")
			.variable("id", GlobalId.encode("Job", job)).execute();

		response.path("job.status").entity(String.class).isEqualTo("COMPLETED");
		response.path("job.error").valueIsNull();
		response.path("job.data").entity(Map.class)
			.isEqualTo(Map.of("emailsSent", 3, "owners", List.of("ada", "grace"), "dryRun", false));
		response.path("job.log[*].message").entityList(String.class)
			.containsExactly("starting", "no email for bob", "sent 3 emails");
		response.path("job.log[*].level").entityList(String.class).containsExactly("INFO", "WARNING", "INFO");
		response.path("job.log[*].at").entityList(String.class).satisfies(at -> {
			assertThat(OffsetDateTime.parse(at.get(0))).isEqualTo(OffsetDateTime.parse("2026-01-05T08:23:00Z"));
			assertThat(OffsetDateTime.parse(at.get(1)).toInstant())
				.isEqualTo(OffsetDateTime.parse("2026-01-05T07:23:01Z").toInstant());
		});
	}

	@Test
	void aJobNotYetRunHasNoDataAndAnEmptyLog() {
		long job = data().insert("INSERT INTO job (name, status, scheduled_at) VALUES (?, 'SCHEDULED', ?) RETURNING id",
				data().name("maintenance"), now.plusHours(3));

		var response = graphQl().document("""
				query($id: ID!) { job(id: $id) { status scheduledAt startedAt completedAt data user { id } log { message } } }""")
			.variable("id", GlobalId.encode("Job", job)).execute();

		response.path("job.status").entity(String.class).isEqualTo("SCHEDULED");
		response.path("job.scheduledAt").entity(String.class)
			.satisfies(at -> assertThat(OffsetDateTime.parse(at)).isEqualTo(now.plusHours(3)));
		response.path("job.startedAt").valueIsNull();
		response.path("job.data").valueIsNull();
		response.path("job.user").valueIsNull();
		response.path("job.log").entityList(Object.class).hasSize(0);
	}

	@Test
	void aFailedJobTellsWhy() {
		long job = job("morning", "FAILED", now.minusMinutes(2), now.minusMinutes(1), "mail server refused", null,
				"[{\"at\": \"2026-01-05T08:23:00Z\", \"level\": \"ERROR\", \"message\": \"connection refused\"}]");

		graphQl().document("query($id: ID!) { job(id: $id) { status error log { level message } } }")
			.variable("id", GlobalId.encode("Job", job)).execute()
			.path("job.status").entity(String.class).isEqualTo("FAILED")
			.path("job.error").entity(String.class).isEqualTo("mail server refused")
			.path("job.log[0].level").entity(String.class).isEqualTo("ERROR");
	}

	@Test
	void aJobAskedForByAUserLeadsToTheUserAndBack() {
		long admin = data().user("admin");
		long asked = job("maintenance", "RUNNING", now.minusMinutes(1), null, null, null, "[]");
		jdbc.update("UPDATE job SET user_id = ? WHERE id = ?", admin, asked);
		job("maintenance", "COMPLETED", now.minusDays(1), now.minusDays(1).plusMinutes(1), null, null, "[]");

		graphQl().document("query($id: ID!) { job(id: $id) { user { username } } }")
			.variable("id", GlobalId.encode("Job", asked)).execute()
			.path("job.user.username").entity(String.class).isEqualTo(data().name("admin"));
		graphQl().document("query($id: ID!) { user(id: $id) { jobs { nodes { id } } } }")
			.variable("id", GlobalId.encode("User", admin)).execute()
			.path("user.jobs.nodes[*].id").entityList(String.class).containsExactly(GlobalId.encode("Job", asked));
	}

	@Test
	void jobsFilterByNameAndStatusAndOrderByStart() {
		long older = job("morning", "COMPLETED", now.minusDays(2), now.minusDays(2).plusMinutes(1), null, null, "[]");
		long newer = job("morning", "COMPLETED", now.minusDays(1), now.minusDays(1).plusMinutes(1), null, null, "[]");
		job("morning", "ERRORED", now.minusHours(1), now.minusHours(1), "interrupted", null, "[]");
		job("maintenance", "COMPLETED", now.minusDays(1), now.minusDays(1), null, null, "[]");

		graphQl().document("""
				query($name: String!) {
				  jobs(filter: { name: { eq: $name }, status: { eq: COMPLETED } }, orderBy: [{ field: STARTED_AT, direction: DESC }]) {
				    totalCount nodes { id }
				  }
				}""").variable("name", data().name("morning")).execute()
			.path("jobs.nodes[*].id").entityList(String.class)
			.containsExactly(GlobalId.encode("Job", newer), GlobalId.encode("Job", older))
			.path("jobs.totalCount").entity(Integer.class).isEqualTo(2);
	}

	/** A run with its log given as JSON lines ({at, level, message}), stored a row per line. */
	private long job(String name, String status, OffsetDateTime startedAt, OffsetDateTime completedAt, String error,
			String data, String log) {
		long id = data().insert("""
				INSERT INTO job (name, status, started_at, completed_at, error, data)
				VALUES (?, ?, ?, ?, ?, ?::jsonb) RETURNING id""", data().name(name), status, startedAt, completedAt,
				error, data);
		jdbc.update("""
				INSERT INTO job_log_line (job_id, seq, at, level, message)
				SELECT ?, e.ord, (e.line ->> 'at')::timestamptz, e.line ->> 'level', e.line ->> 'message'
				FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY AS e(line, ord)""", id, log);
		return id;
	}
}

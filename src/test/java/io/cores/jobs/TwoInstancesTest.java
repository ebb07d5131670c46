package io.cores.jobs;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import io.cores.support.ApiTest;
import io.cores.support.ServerProcesses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two more server instances, each a JVM of its own, on the test server's database, both
 * scheduling test-tick every second (a run takes about 300 ms; the test server itself does not
 * run it). For a minute: about 60 runs for the cluster (one per second, not one per instance
 * and second), never two at once. Then the instance holding a run is killed
 * (SIGKILL): its run is marked ERRORED as lost once its lease (3 s) has passed, and the other
 * instance runs the next ones. Last, a shutdown of the other marks the run it could not finish
 * within its grace time as interrupted.
 */
class TwoInstancesTest extends ApiTest {

	private static final Duration WINDOW = Duration.ofSeconds(60);

	@Autowired
	private JdbcConnectionDetails database;

	private ServerProcesses instances;

	@BeforeEach
	void instances() {
		instances = new ServerProcesses(database);
	}

	@AfterEach
	void stopInstances() throws InterruptedException {
		instances.close();
	}

	@Test
	void oneRunPerSecondForTheClusterAndALostRunIsMarkedAndTheOtherTakesOver() throws Exception {
		var a = start("tick-a");
		var b = start("tick-b");
		instances.awaitStarted(a);
		instances.awaitStarted(b);

		var from = now();
		Thread.sleep(WINDOW.toMillis());
		var to = now();

		var runs = jdbc.queryForList("""
				SELECT id, slot, status, instance, started_at, completed_at FROM job
				WHERE name = 'test-tick' AND slot >= ? AND slot < ? AND status = 'COMPLETED' ORDER BY started_at""", from, to);
		long seconds = Duration.between(from, to).toSeconds();
		assertThat(runs.size()).as("runs in %d s", seconds).isBetween((int) seconds - 3, (int) seconds + 1);
		assertThat(runs).extracting(r -> r.get("slot")).doesNotHaveDuplicates();
		for (int i = 1; i < runs.size(); i++) {
			var previous = (java.sql.Timestamp) runs.get(i - 1).get("completed_at");
			var started = (java.sql.Timestamp) runs.get(i).get("started_at");
			assertThat(started).as("run %s starts after run %s ended", runs.get(i).get("id"), runs.get(i - 1).get("id"))
				.isAfterOrEqualTo(previous);
		}
		assertThat(runs).extracting(r -> r.get("instance")).containsAnyOf("tick-a", "tick-b");

		// kill the instance holding a run, mid-run
		Map<String, Object> held = null;
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (held == null && System.nanoTime() < deadline) {
			var running = jdbc.queryForList("SELECT id, instance FROM job WHERE name = 'test-tick' AND status = 'RUNNING'");
			if (!running.isEmpty()) {
				held = running.get(0);
			}
			else {
				Thread.sleep(20);
			}
		}
		assertThat(held).as("a running test-tick run").isNotNull();
		var victim = (String) held.get("instance");
		var survivor = victim.equals("tick-a") ? "tick-b" : "tick-a";
		(victim.equals("tick-a") ? a : b).destroyForcibly().waitFor();
		var killedAt = now();
		long lost = ((Number) held.get("id")).longValue();

		deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		Map<String, Object> record;
		do {
			Thread.sleep(200);
			record = jdbc.queryForMap("SELECT status, error, completed_at FROM job WHERE id = ?", lost);
		}
		while (record.get("status").equals("RUNNING") && System.nanoTime() < deadline);
		assertThat(record.get("status")).isEqualTo("ERRORED");
		assertThat((String) record.get("error")).startsWith("Lost: instance " + victim + " stopped holding it");
		assertThat(((java.sql.Timestamp) record.get("completed_at")).toInstant())
			.as("marked once the lease has passed").isAfter(killedAt.plusSeconds(2).toInstant());

		deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		List<String> after;
		do {
			Thread.sleep(200);
			after = jdbc.queryForList("""
					SELECT instance FROM job WHERE name = 'test-tick' AND status = 'COMPLETED' AND started_at > ?""", String.class,
					record.get("completed_at"));
		}
		while (after.size() < 2 && System.nanoTime() < deadline);
		assertThat(after).as("the next runs, on the other instance").hasSizeGreaterThanOrEqualTo(2).containsOnly(survivor);

		// a shutdown (SIGTERM) waits its grace time (1 s here) for a run that does not stop, then marks it
		long sleeper = data().insert("INSERT INTO job (name, status, scheduled_at) VALUES ('test-sleep', 'PENDING', now()) RETURNING id");
		deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!jdbc.queryForObject("SELECT status FROM job WHERE id = ?", String.class, sleeper).equals("RUNNING")
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		var holder = victim.equals("tick-a") ? b : a;
		holder.destroy();
		assertThat(holder.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("the instance stops").isTrue();
		var interrupted = jdbc.queryForMap("SELECT status, error, instance FROM job WHERE id = ?", sleeper);
		assertThat(interrupted).containsEntry("status", "ERRORED").containsEntry("error", "Interrupted by shutdown")
			.containsEntry("instance", survivor);
	}

	private OffsetDateTime now() {
		return jdbc.queryForObject("SELECT now()", OffsetDateTime.class);
	}

	private Process start(String instance) throws Exception {
		return instances.start(instance, List.of("-Dcores.test.tick-ms=300"), List.of(
				"--cores.jobs.schedule=true",
				"--cores.jobs.run.poll=500ms",
				"--cores.jobs.run.shutdown-grace=1s",
				"--cores.jobs.test-sleep.enabled=true",
				"--cores.jobs.test-tick.interval=1s",
				"--cores.jobs.test-tick.lock-at-most-for=3s",
				"--cores.jobs.morning.enabled=false",
				"--cores.jobs.maintenance.enabled=false",
				"--cores.jobs.send-mails.enabled=false",
				"--cores.jobs.test-cancellable.enabled=false",
				"--cores.jobs.test-cancellable-2.enabled=false",
				"--cores.jobs.test-stubborn.enabled=false"));
	}
}

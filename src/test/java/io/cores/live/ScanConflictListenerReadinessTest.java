package io.cores.live;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cores.platform.db.NotificationListener;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness follows the listener of new scan conflicts (docs/dashboards.md): while its
 * connection is down and cannot be reopened, /actuator/health/readiness answers 503 DOWN, and
 * 200 UP again once the listener has reconnected by itself. Its connection is killed and the
 * database refuses new logins for a moment (a login event trigger): the pool's connections
 * are open already, and the listener's reconnect cannot be told from others at login, as the
 * driver sets its application name only once connected.
 */
class ScanConflictListenerReadinessTest extends ApiTest {

	private static final String LISTENER = "cores-listen-cores_scan_conflicts";
	private static final String REFUSAL = "logins refused by ScanConflictListenerReadinessTest";

	@Autowired
	@Qualifier("scanConflictListener")
	private NotificationListener listener;

	@AfterEach
	void acceptLogins() {
		jdbc.execute("DROP EVENT TRIGGER IF EXISTS refuse_logins");
		jdbc.execute("DROP FUNCTION IF EXISTS refuse_logins()");
	}

	@Test
	void readinessIsDownWhileTheListeningConnectionIsDownAndUpAgainOnceItReconnects() {
		var ready = readiness(result -> result.getStatus().value() == 200);
		assertThat(ready.getResponseBody()).contains("\"status\":\"UP\"");
		assertThat(listener.isListening()).isTrue();
		long connects = listener.connects();
		var pid = listener.health().getDetails().get("backendPid");
		jdbc.execute("""
				CREATE FUNCTION refuse_logins() RETURNS event_trigger LANGUAGE plpgsql AS $$
				BEGIN
				  RAISE EXCEPTION '%s';
				END $$""".formatted(REFUSAL));
		jdbc.execute("CREATE EVENT TRIGGER refuse_logins ON login EXECUTE FUNCTION refuse_logins()");

		var killed = jdbc.queryForObject("""
				SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = ? AND application_name = ?""",
				Boolean.class, pid, LISTENER);
		assertThat(killed).as("the listening connection killed").isTrue();
		awaitListener(() -> String.valueOf(listener.health().getDetails().get("lastError")).contains(REFUSAL),
				"the listener tried to reconnect and was refused");

		var down = readiness(result -> true);
		assertThat(down.getStatus().value()).as("not ready: %s", down.getResponseBody()).isEqualTo(503);
		assertThat(down.getResponseBody()).contains("\"status\":\"DOWN\"");
		assertThat(listener.isListening()).isFalse();
		assertThat(listener.connects()).isEqualTo(connects);

		acceptLogins();

		var readyAgain = readiness(result -> result.getStatus().value() == 200);
		assertThat(readyAgain.getResponseBody()).contains("\"status\":\"UP\"");
		assertThat(listener.isListening()).isTrue();
		assertThat(listener.connects()).as("reconnected once").isEqualTo(connects + 1);
	}

	/** GET /actuator/health/readiness until its answer satisfies {@code until} (10 s at most). */
	private EntityExchangeResult<String> readiness(Predicate<EntityExchangeResult<String>> until) {
		var client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port()).build();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			var result = client.get().uri("/actuator/health/readiness").exchange().expectBody(String.class).returnResult();
			if (until.test(result)) {
				return result;
			}
			assertThat(System.nanoTime()).as("readiness answered %s: %s", result.getStatus(), result.getResponseBody())
				.isLessThan(deadline);
			pause();
		}
	}

	private static void awaitListener(BooleanSupplier condition, String what) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what).isLessThan(deadline);
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}

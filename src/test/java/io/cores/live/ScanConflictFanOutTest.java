package io.cores.live;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cores.CoresApplication;
import io.cores.platform.db.NotificationListener;
import io.cores.support.GraphQlSocket;

import static io.cores.live.ScanSubscriptions.CREATED;
import static io.cores.live.ScanSubscriptions.cursorNow;
import static io.cores.live.ScanSubscriptions.events;
import static io.cores.live.ScanSubscriptions.ids;
import static io.cores.live.ScanSubscriptions.nothingMore;
import static io.cores.live.ScanSubscriptions.ofAgent;
import static io.cores.live.ScanSubscriptions.variables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server instances on one database: scans ingested on this test's server (A) reach a
 * subscriber on a second one (B), also when B's listening connection is killed mid-burst.
 */
class ScanConflictFanOutTest extends IngestTest {

	private static ConfigurableApplicationContext other;

	@Autowired
	private JdbcConnectionDetails database;

	@Autowired
	private Environment environment;

	private String token;
	private String agent;

	@BeforeEach
	void aSecondInstanceAndAnAgent() {
		if (other == null) {
			var properties = new LinkedHashMap<String, Object>();
			properties.put("server.port", 0);
			properties.put("spring.datasource.url", database.getJdbcUrl());
			properties.put("spring.datasource.username", database.getUsername());
			properties.put("spring.datasource.password", database.getPassword());
			properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location",
					environment.getProperty("spring.security.oauth2.resourceserver.jwt.public-key-location"));
			other = new SpringApplicationBuilder(CoresApplication.class).profiles("test").properties(properties).run();
		}
		token = agent("fanned");
		agent = data().name("fanned");
	}

	@AfterAll
	static void stopTheSecondInstance() {
		if (other != null) {
			other.close();
			other = null;
		}
	}

	@Test
	void aScanIngestedOnOneInstanceReachesASubscriberOnAnother() throws Exception {
		try (var socket = GraphQlSocket.connect(otherPort()).init(null)) {
			socket.subscribe("1", CREATED, variables(ofAgent(agent), cursorNow(jdbc)));
			var scan = ingest(token, List.of(entry(data().mac(), "10.78.0.1"), entry(data().mac(), "10.78.0.2")));

			assertThat(ids(events(socket, 2))).containsExactlyElementsOf(createdIds(scan));
			nothingMore(socket);
		}
	}

	@Test
	void everyConflictOfABurstArrivesOnceInOrderThoughTheListeningConnectionIsKilledMidway() throws Exception {
		var listener = other.getBean("scanConflictListener", NotificationListener.class);
		long connectsBefore = listener.connects();
		var expected = new ArrayList<String>();
		try (var socket = GraphQlSocket.connect(otherPort()).init(null)) {
			socket.subscribe("1", CREATED, variables(ofAgent(agent), cursorNow(jdbc)));
			int killed = 0;
			for (int scan = 0; scan < 10; scan++) {
				if (scan == 3) {
					killed = jdbc.queryForObject("""
							SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
							WHERE application_name = 'cores-listen-cores_scan_conflicts'""", Integer.class);
				}
				var results = new ArrayList<Map<String, Object>>();
				for (int i = 0; i < 50; i++) {
					results.add(entry(data().mac(), "10.79." + scan + "." + (i + 1)));
				}
				expected.addAll(createdIds(ingest(token, results)));
			}
			assertThat(killed).as("listening connections killed (this instance's and the other's)").isGreaterThanOrEqualTo(2);
			assertThat(expected).hasSize(500);

			var received = ids(events(socket, 500));

			assertThat(received).containsExactlyElementsOf(expected);
			assertThat(new HashSet<>(received)).hasSize(500);
			nothingMore(socket);
		}
		assertThat(listener.connects()).as("the listener reconnected").isGreaterThan(connectsBefore);
		assertThat(listener.isListening()).isTrue();
		WebTestClient.bindToServer().baseUrl("http://localhost:" + otherPort()).build()
			.get().uri("/actuator/health/readiness").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");
	}

	private static int otherPort() {
		return Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
	}
}

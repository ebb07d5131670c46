package io.cores.platform.graphql.limits;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cores.support.TestData;
import io.cores.support.TestDatabase;
import io.cores.platform.graphql.fast.FastReads;
import io.cores.support.TestJwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request deadline over real HTTP, on a server whose {@code cores.graphql.timeout} is 1 s
 * (a context of its own, on a database of its own, so that its tests may lock tables). A
 * statement still running at the deadline is cancelled there and the client gets the
 * deadline's error; the statements wait on a table lock that this test holds for 8 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cores.graphql.timeout=1s", "cores.demo.hosts=0" })
@ActiveProfiles("test")
class StatementDeadlineTest {

	private static final Duration LOCK_HELD = Duration.ofSeconds(8);
	private static final ScheduledExecutorService RELEASER = Executors.newSingleThreadScheduledExecutor();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerAnother(registry);
		TestJwt.register(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private FastReads fastReads;

	private String hostname;

	@BeforeEach
	void aHostInARackInALab() {
		var data = new TestData(jdbc);
		long rack = data.rack(data.lab(data.building("b"), "l"), "r", false);
		data.host("h", rack, "ACTIVE");
		hostname = data.name("h");
	}

	@AfterAll
	static void stopReleaser() {
		RELEASER.shutdownNow();
	}

	@Test
	void aRootStatementRunningAtTheDeadlineIsCancelledWithTheDeadlineError() throws SQLException {
		Map<String, Object> response;
		long millis;
		try (var lock = new TableLock("host")) {
			long start = System.nanoTime();
			response = post("{ hosts(first: 1) { nodes { hostname } } }");
			millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		}

		assertThat(millis).as("response time, ms").isLessThan(LOCK_HELD.toMillis() / 2);
		assertDeadlineError(response, List.of("hosts"));
		assertThat(post("{ hosts(first: 1) { totalCount } }")).as("the next request, once the lock is gone")
			.doesNotContainKey("errors");
	}

	@Test
	void aBatchLoadedRelationRunningAtTheDeadlineIsCancelledAndTheRestKeepsItsData() throws SQLException {
		Map<String, Object> response;
		long millis;
		var query = "{ hosts(first: 1, filter: { hostname: { eq: \"" + hostname
				+ "\" } }) { nodes { hostname rack { name lab { name building { name } } } } } }";
		// a warm server, both ways: the resolvers' first queries in this context would spend
		// part of their half second (the fast path takes the other half) being compiled
		// (a cold one may itself run past the 1 s, hence a few tries)
		fastReads.setEnabled(false);
		try {
			for (int i = 0; i < 5 && post(query).containsKey("errors"); i++) {
				// warming up
			}
		}
		finally {
			fastReads.setEnabled(true);
		}
		assertThat(post(query)).doesNotContainKey("errors");
		try (var lock = new TableLock("building")) {
			long start = System.nanoTime();
			response = post(query);
			millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		}

		assertThat(millis).as("response time, ms").isLessThan(LOCK_HELD.toMillis() / 2);
		assertDeadlineError(response, List.of("hosts", "nodes", 0, "rack", "lab", "building"));
		assertThat(response.toString()).contains("hostname=" + hostname);
	}

	@SuppressWarnings("unchecked")
	private static void assertDeadlineError(Map<String, Object> response, List<Object> path) {
		assertThat(response).containsKey("errors");
		var errors = (List<Map<String, Object>>) response.get("errors");
		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.get("message")).isEqualTo("The request ran longer than 1 s and was stopped");
			assertThat(error.get("path")).isEqualTo(path);
			assertThat((Map<String, Object>) error.get("extensions")).containsEntry("classification", "ExecutionAborted");
		});
	}

	private Map<String, Object> post(String query) {
		return WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + port + "/graphql")
			.responseTimeout(LOCK_HELD.multipliedBy(2))
			.build()
			.post()
			.bodyValue(Map.of("query", query))
			.exchange()
			.expectStatus().isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	/**
	 * An exclusive lock on a table, so every statement reading it waits; released after
	 * {@link #LOCK_HELD} at the latest, so that a server without the deadline still answers.
	 */
	private final class TableLock implements AutoCloseable {

		private final Connection connection;

		TableLock(String table) throws SQLException {
			connection = dataSource.getConnection();
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
			}
			RELEASER.schedule(this::release, LOCK_HELD.toMillis(), TimeUnit.MILLISECONDS);
		}

		private synchronized void release() {
			try {
				if (!connection.isClosed()) {
					connection.rollback();
					connection.close();
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void close() {
			release();
		}
	}
}

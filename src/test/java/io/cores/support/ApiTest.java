package io.cores.support;

import java.util.List;
import java.util.Map;

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

/**
 * Base of the API tests: the whole server on a random port, on real PostgreSQL, called over
 * HTTP. All tests share one server and database, so each builds its own uniquely named data
 * ({@link TestData}) and asserts only on that.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		TestJwt.register(registry);
		TestMail.register(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	protected JdbcTemplate jdbc;

	private HttpGraphQlTester graphQl;
	private TestData data;

	/** The admin key the test profile bootstraps (cores.bootstrap-token). */
	protected static final String ADMIN_KEY = "cores_test-bootstrap-admin-key-0123456789";

	/** An anonymous client that posts to /graphql over real HTTP. */
	protected HttpGraphQlTester graphQl() {
		if (graphQl == null) {
			graphQl = HttpGraphQlTester.create(client());
		}
		return graphQl;
	}

	/** A client sending {@code Authorization: <authorization>}. */
	protected HttpGraphQlTester graphQl(String authorization) {
		return graphQl().mutate().header("Authorization", authorization).build();
	}

	/** A client with the bootstrap admin token. */
	protected HttpGraphQlTester asAdmin() {
		return graphQl("Token " + ADMIN_KEY);
	}

	/** Plain HTTP to /graphql, for responses that are not GraphQL results (401, 413). */
	protected WebTestClient client() {
		return WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + port + "/graphql")
			// the machine is shared: a cold server's first scan can take longer than the default 5 s
			.responseTimeout(java.time.Duration.ofSeconds(30))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
	}

	/** The payload a mutation answers, as a map, for the document posted with this authorization. */
	protected Map<String, Object> mutate(String authorization, String document, String field) {
		return graphQl(authorization).document(document).execute().path(field)
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
	}

	/** A payload's UserErrors. */
	@SuppressWarnings("unchecked")
	protected static List<Map<String, Object>> errors(Map<String, Object> payload) {
		return (List<Map<String, Object>>) payload.get("errors");
	}

	protected TestData data() {
		if (data == null) {
			data = new TestData(jdbc);
		}
		return data;
	}

	protected int port() {
		return port;
	}
}

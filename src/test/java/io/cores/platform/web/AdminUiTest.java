package io.cores.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import graphql.introspection.IntrospectionQuery;
import io.cores.support.TestDatabase;
import io.cores.support.TestIdentityProvider;

/**
 * The admin UI as a browser sees it, against the real server with demo data on a database of
 * its own: the server serves the built application at /admin/, the bundle keeps a snapshot of
 * the server's schema (for servers with introspection off), overrides.ts names only what the
 * server's schema has (the schema is read by introspection and handed to the admin's own
 * check), and e2e/admin.e2e.mjs drives Debian's Chromium through it (sign in, filter, sort,
 * page and export hosts, field errors, the stale-version choice, an overlapping booking, a revert
 * from the history, the live conflict feed after an ingest, a token key shown once, a job run, a
 * loan, a journal entry, Markdown, themes, the keyboard, a narrow window, a USER's view, the
 * schema snapshot, a sign-in at a real identity provider ({@link TestIdentityProvider}, whose
 * JWTs the server trusts by its issuer)), leaving screenshots in target/admin-screenshots. Skips only where the build leaves the UI out
 * ({@code -Dadmin-ui.skip}); the browser test alone also skips where no Chromium is installed
 * (.ci/run installs it), so a typo in overrides.ts fails every build that builds the UI.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cores.demo.hosts=300")
@ActiveProfiles("test")
class AdminUiTest {

	private static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");
	private static final Path ADMIN_UI = Path.of("admin-ui").toAbsolutePath();
	private static final Path SCREENSHOTS = Path.of("target", "admin-screenshots").toAbsolutePath();
	/** Where the build puts the bundle, packaged into the jar after the tests. */
	private static final Path BUNDLE = Path.of("target", "classes", "static", "admin").toAbsolutePath();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	/** Where the admin signs in besides its token; started with the server, which trusts its JWTs. */
	private static TestIdentityProvider provider;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerAnother(registry);
		provider = TestIdentityProvider.start();
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", provider::issuer);
		registry.add("cores.admin-ui.oidc.client-id", () -> TestIdentityProvider.CLIENT_ID);
		registry.add("cores.admin-ui.oidc.name", () -> "Lab SSO");
	}

	@AfterAll
	static void stopTheProvider() {
		if (provider != null) {
			provider.close();
		}
	}

	// only the browser test needs Chromium: the overrides are checked wherever the UI is built
	@BeforeAll
	static void needsTheUi() {
		assumeFalse(Boolean.getBoolean("admin-ui.skip"), "built with -Dadmin-ui.skip: no admin UI");
	}

	@LocalServerPort
	private int port;

	@Value("${cores.bootstrap-token}")
	private String adminKey;

	@Test
	void theServerServesTheApplication() throws Exception {
		var index = get("/admin/");
		assertThat(index.statusCode()).isEqualTo(200);
		assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(index.body()).contains("<div id=\"root\"></div>");

		var script = Pattern.compile("src=\"(/admin/assets/[^\"]+\\.js)\"").matcher(index.body());
		assertThat(script.find()).as("index.html loads its bundle").isTrue();
		var bundle = get(script.group(1));
		assertThat(bundle.statusCode()).isEqualTo(200);
		assertThat(bundle.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("max-age"));

		// no slash: sent to the application; a route of the application: its index.html
		var bare = get("/admin");
		assertThat(bare.statusCode()).isEqualTo(302);
		assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/"));
		var route = get("/admin/hosts/SG9zdDox/show");
		assertThat(route.statusCode()).isEqualTo(200);
		assertThat(route.body()).isEqualTo(index.body());
		assertThat(get("/admin/assets/missing.js").statusCode()).isEqualTo(404);
	}

	/** The login page learns the provider from the server, at the resource server's issuer unless told another. */
	@Test
	void theServerNamesItsIdentityProviderToTheLoginPage() throws Exception {
		var settings = get("/admin/sign-in.json");
		assertThat(settings.statusCode()).isEqualTo(200);
		assertThat(settings.body()).isEqualTo("{\"oidc\":{\"name\":\"Lab SSO\",\"issuer\":\"" + provider.issuer()
				+ "\",\"clientId\":\"cores-admin-ui\",\"scopes\":\"openid profile email\"}}");
	}

	/**
	 * The bundle keeps the server's final schema (with everything the conventions add) beside
	 * the application, for a server with introspection switched off: written here, before the
	 * jar is packaged, and served at /admin/schema.json. First, so that the browser test finds it.
	 */
	@Test
	@Order(1)
	void theBundleKeepsASnapshotOfTheServersSchema() throws Exception {
		Files.writeString(BUNDLE.resolve("schema.json"), introspection());
		var served = get("/admin/schema.json");
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
		assertThat(served.body()).contains("\"__schema\"").contains("\"CreateHostInput\"").contains("\"bulkUpdateHost\"");
	}

	@Test
	void theOverridesNameOnlyWhatTheSchemaHas() throws Exception {
		var schema = Path.of("target", "admin-ui", "schema.json").toAbsolutePath();
		Files.createDirectories(schema.getParent());
		Files.writeString(schema, introspection());

		var run = run(List.of("npm", "test"), Map.of("CORES_SCHEMA_FILE", schema.toString()), 120);
		assertThat(run.exit).as("overrides.live.test.ts:\n%s", run.output).isZero();
		assertThat(run.output).contains("1 passed");
	}

	@Test
	void anAdminWorksThroughTheMainScreensInChromium() throws Exception {
		assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium)");
		// 127.0.0.1, not localhost: the provider takes loopback redirect URIs by IP only
		var origin = "http://127.0.0.1:" + port;
		provider.admit(origin);
		var run = run(List.of("node", "e2e/admin.e2e.mjs"),
				Map.of("CORES_URL", origin, "CORES_TOKEN", adminKey, "CORES_SCREENSHOTS", SCREENSHOTS.toString(), "CHROMIUM",
						CHROMIUM.toString(), "CORES_IDP_USER", TestIdentityProvider.USERNAME, "CORES_IDP_PASSWORD",
						TestIdentityProvider.PASSWORD, "CORES_IDP_NAME", TestIdentityProvider.DISPLAY_NAME),
				480);
		assertThat(run.exit).as("e2e/admin.e2e.mjs:\n%s", run.output).isZero();
		assertThat(run.output).contains("admin e2e: passed");
		try (var shots = Files.list(SCREENSHOTS)) {
			assertThat(shots.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(10);
		}
	}

	private String introspection() throws IOException, InterruptedException {
		var body = "{\"query\":" + jsonString(IntrospectionQuery.INTROSPECTION_QUERY) + "}";
		var response = http.send(HttpRequest.newBuilder(uri("/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("{\"data\":{\"__schema\"").doesNotContain("\"errors\":[{\"message\"");
		return response.body();
	}

	private record Run(int exit, String output) {
	}

	private static Run run(List<String> command, Map<String, String> env, int timeoutSeconds)
			throws IOException, InterruptedException {
		var builder = new ProcessBuilder(command).directory(ADMIN_UI.toFile()).redirectErrorStream(true);
		builder.environment().putAll(env);
		var log = Files.createTempFile("admin-ui-", ".log");
		builder.redirectOutput(log.toFile());
		var process = builder.start();
		try {
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				return new Run(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log));
			}
			var output = Files.readString(log);
			System.out.print(output);
			return new Run(process.exitValue(), output);
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String jsonString(String s) {
		var out = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default -> out.append(c);
			}
		}
		return out.append('"').toString();
	}
}

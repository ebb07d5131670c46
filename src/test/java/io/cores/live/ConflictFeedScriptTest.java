package io.cores.live;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cores.platform.persistence.Json;
import io.cores.support.TcpRelay;

import static io.cores.live.ScanSubscriptions.cursorNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard feed of docs/dashboards.md, run as written under Node with the real
 * graphql-ws client: its filter holds, a dropped connection and a restart both resume from
 * the last conflict it printed, and no conflict is printed twice or missed. The client comes
 * from the admin UI's node_modules (the build installs it before the tests run), so the test
 * skips only in a build without the UI ({@code -Dadmin-ui.skip}) or on a machine without Node,
 * and fails when Node is there but the UI's packages are not.
 */
class ConflictFeedScriptTest extends IngestTest {

	private static final Path CLIENT = Path.of("admin-ui/node_modules/graphql-ws").toAbsolutePath();

	/** Node as the PATH finds it, or null. */
	private static final Path NODE = onPath("node");

	@TempDir
	Path dir;

	private TcpRelay relay;

	private Feed feed;

	@BeforeEach
	void aRelay() throws IOException {
		assumeFalse(Boolean.getBoolean("admin-ui.skip"), "built with -Dadmin-ui.skip: no admin UI packages");
		assumeTrue(NODE != null, "no node on the PATH");
		assertThat(CLIENT).as("the graphql-ws client in the admin UI's packages: node is on the PATH (%s) but %s is "
				+ "missing; run the build without -Dadmin-ui.skip, or npm ci in admin-ui", NODE, CLIENT).isDirectory();
		Files.copy(Path.of("docs/conflict-feed.mjs"), dir.resolve("conflict-feed.mjs"));
		Files.createSymbolicLink(dir.resolve("node_modules"), CLIENT.getParent());
		relay = TcpRelay.to(port());
	}

	@AfterEach
	void stop() throws InterruptedException {
		if (feed != null) {
			feed.stop();
		}
		if (relay != null) {
			relay.close();
		}
	}

	@Test
	void theFeedPrintsWhatItsFilterHoldsAndResumesAfterADropAndARestartWithNoneLostOrTwice() throws Exception {
		var token = agent("fed");
		var other = agent("unfed");
		Files.writeString(dir.resolve("conflict-feed.cursor"), cursorNow(jdbc));
		var known = knownNic("10.88.0.1");

		feed = Feed.start(dir, relay.port(), data().name("fed"));
		feed.awaitConnected();
		var first = createdIds(ingest(token, List.of(entry(data().mac(), "10.88.0.2"),
				entry(known, "10.88.0.3"), entry(data().mac(), "10.88.0.4"))));
		ingest(other, List.of(entry(data().mac(), "10.88.0.5")));
		assertThat(feed.next(2)).containsExactly(first.get(0), first.get(2));

		relay.dropAll();
		var whileDropped = createdIds(ingest(token, List.of(entry(data().mac(), "10.88.0.6"))));
		feed.awaitConnected();
		assertThat(feed.next(1)).isEqualTo(whileDropped);

		feed.stop();
		var whileStopped = createdIds(ingest(token, List.of(entry(data().mac(), "10.88.0.7"))));
		feed = Feed.start(dir, relay.port(), data().name("fed"));
		assertThat(feed.next(1)).isEqualTo(whileStopped);
		var live = createdIds(ingest(token, List.of(entry(data().mac(), "10.88.0.8"))));
		assertThat(feed.next(1)).isEqualTo(live);
		feed.nothingMore();
	}

	private static Path onPath(String program) {
		var path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (var dir : path.split(File.pathSeparator)) {
			if (!dir.isEmpty()) {
				var candidate = Path.of(dir, program);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

	/** A NIC with a recorded ip, so that scanning it elsewhere raises a NIC conflict (not UNKNOWN). */
	private String knownNic(String ip) {
		long lab = data().lab(data().building("feed"), "feed-lab");
		long host = data().host("fed-server", data().rack(lab, "f1", false), "ACTIVE");
		var mac = data().mac();
		data().nic(host, mac, ip, true, null);
		return mac;
	}

	/** The script under Node, filtered to one agent's UNKNOWN conflicts; its lines as they come. */
	private record Feed(Process process, BlockingQueue<String> out, BlockingQueue<String> err) {

		static Feed start(Path dir, int port, String agent) throws IOException {
			var builder = new ProcessBuilder(NODE.toString(), "--experimental-websocket", "--no-warnings",
					"conflict-feed.mjs").directory(dir.toFile());
			builder.environment().put("CORES_WS", "ws://localhost:" + port + "/graphql");
			builder.environment().put("CORES_FILTER",
					"{\"and\":[{\"session\":{\"agent\":{\"eq\":\"" + agent + "\"}}},{\"kind\":{\"eq\":\"UNKNOWN\"}}]}");
			var process = builder.start();
			var feed = new Feed(process, new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>());
			lines(process.getInputStream(), feed.out);
			lines(process.getErrorStream(), feed.err);
			return feed;
		}

		void awaitConnected() throws InterruptedException {
			while (true) {
				var line = err.poll(30, TimeUnit.SECONDS);
				assertThat(line).as("the feed connects").isNotNull();
				if (line.equals("connected")) {
					return;
				}
				throw new AssertionError("the feed said: " + line);
			}
		}

		/** The conflict ids of the next {@code count} lines printed. */
		List<String> next(int count) throws InterruptedException {
			var ids = new ArrayList<String>();
			for (int i = 0; i < count; i++) {
				var line = out.poll(30, TimeUnit.SECONDS);
				assertThat(line).as("conflict %d of %d printed (stderr: %s)", i + 1, count, err).isNotNull();
				@SuppressWarnings("unchecked")
				var printed = (Map<String, Object>) Json.parse(line);
				assertThat(printed).containsEntry("kind", "UNKNOWN").containsKey("cursor").containsKey("mac");
				ids.add((String) printed.get("id"));
			}
			return ids;
		}

		void nothingMore() throws InterruptedException {
			assertThat(out.poll(1, TimeUnit.SECONDS)).as("nothing more printed").isNull();
		}

		void stop() throws InterruptedException {
			process.destroy();
			process.waitFor(10, TimeUnit.SECONDS);
		}

		private static void lines(InputStream stream, BlockingQueue<String> into) {
			var thread = new Thread(() -> {
				try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
					reader.lines().forEach(into::add);
				}
				catch (IOException ex) {
					// the process ended
				}
			}, "conflict-feed-output");
			thread.setDaemon(true);
			thread.start();
		}
	}
}

package io.cores.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More server instances for a test, each a JVM of its own running the application (with the
 * test classes, so the test jobs exist) on the test server's database; its log goes to a
 * temporary file. Closing destroys them (SIGTERM, then SIGKILL after 20 s).
 */
public final class ServerProcesses implements AutoCloseable {

	private final JdbcConnectionDetails database;
	private final List<Process> processes = new ArrayList<>();
	private final Map<Process, File> logs = new HashMap<>();

	public ServerProcesses(JdbcConnectionDetails database) {
		this.database = database;
	}

	/**
	 * Starts an instance named {@code instance} (cores.jobs.instance) with these JVM options
	 * ({@code -Dname=value}) and application arguments ({@code --name=value}); without demo data,
	 * logging warnings only.
	 */
	public Process start(String instance, List<String> jvmOptions, List<String> arguments) throws Exception {
		var log = Files.createTempFile("cores-" + instance, ".log");
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var command = new ArrayList<String>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.cores.CoresApplication",
				"--server.port=0",
				"--spring.datasource.url=" + database.getJdbcUrl(),
				"--spring.datasource.username=" + database.getUsername(),
				"--spring.datasource.password=" + (database.getPassword() == null ? "" : database.getPassword()),
				"--spring.datasource.hikari.maximum-pool-size=4",
				"--cores.demo.hosts=0",
				"--cores.jobs.instance=" + instance,
				"--logging.level.root=WARN",
				"--logging.level.io.cores.CoresApplication=INFO"));
		command.addAll(arguments);
		var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		processes.add(process);
		logs.put(process, log.toFile());
		return process;
	}

	/** Waits (up to 2 minutes) until the instance has started; fails with its log if it stops or does not. */
	public void awaitStarted(Process process) throws Exception {
		var log = logs.get(process).toPath();
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			var text = Files.readString(log);
			if (text.contains("Started CoresApplication")) {
				return;
			}
			assertThat(process.isAlive()).as("the instance runs: %s", text).isTrue();
			Thread.sleep(200);
		}
		throw new AssertionError("the instance did not start: " + Files.readString(log));
	}

	@Override
	public void close() throws InterruptedException {
		for (var process : processes) {
			process.destroy();
		}
		for (var process : processes) {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		processes.clear();
	}
}

package io.cores.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The tests' PostgreSQL: a Testcontainers container when a Docker engine answers, else the
 * server's own embedded PostgreSQL in a fresh folder. Either way a real PostgreSQL 17.
 */
public final class TestDatabase {

	private static PostgreSQLContainer container;
	private static Path embeddedDir;

	private TestDatabase() {
	}

	public static synchronized void register(DynamicPropertyRegistry registry) {
		if (dockerAvailable()) {
			if (container == null) {
				container = new PostgreSQLContainer("postgres:17-alpine");
				container.start();
			}
			registry.add("spring.datasource.url", container::getJdbcUrl);
			registry.add("spring.datasource.username", container::getUsername);
			registry.add("spring.datasource.password", container::getPassword);
		}
		else {
			if (embeddedDir == null) {
				try {
					embeddedDir = Files.createTempDirectory("cores-test-db");
				}
				catch (java.io.IOException ex) {
					throw new IllegalStateException(ex);
				}
			}
			registry.add("cores.data-dir", embeddedDir::toString);
			throwAway(registry);
		}
	}

	/** A test database need not survive a crash of the machine: commits need not wait for the disk. */
	private static void throwAway(DynamicPropertyRegistry registry) {
		registry.add("cores.embedded-settings.fsync", () -> "off");
		registry.add("cores.embedded-settings.synchronous_commit", () -> "off");
	}

	/**
	 * For a second application context (other settings): the same container, or else an
	 * embedded PostgreSQL in a folder of its own, since two servers cannot share one folder.
	 */
	public static synchronized void registerAnother(DynamicPropertyRegistry registry) {
		if (dockerAvailable()) {
			register(registry);
			return;
		}
		try {
			var dir = Files.createTempDirectory("cores-test-db-other");
			registry.add("cores.data-dir", dir::toString);
			throwAway(registry);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean dockerAvailable() {
		if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}
}

package io.cores.platform.db;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.junit.jupiter.api.io.TempDir;

import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL as an operator gets it (docs/operations.md): started by the
 * server's own configuration in a folder of its own, then tried as another local process
 * would try it.
 */
class EmbeddedDatabaseTest {

	@TempDir
	private Path folder;

	@Test
	void onlyTheHolderOfThePasswordFileConnectsAndOnlyOverLoopback() throws Exception {
		var dataDir = folder.resolve("data");
		var file = dataDir.resolve("postgres-password");
		String password;
		try (var postgres = start(dataDir)) {
			assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(OWNER_READ, OWNER_WRITE);
			password = Files.readString(file).strip();
			assertThat(password).hasSizeGreaterThanOrEqualTo(40);
			assertRefused(postgres, null);
			assertRefused(postgres, "not-the-password");
			try (var connection = connect(postgres, password)) {
				assertThat(single(connection, "SHOW listen_addresses")).isEqualTo("localhost");
				assertThat(single(connection, "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256'"))
					.as("no rule, Unix socket included, lets anyone in without the password").isEqualTo("0");
			}
			assertNotReachableFromOtherAddresses(postgres.getPort());
		}
		try (var postgres = start(dataDir)) {
			assertThat(Files.readString(file).strip()).as("kept across restarts").isEqualTo(password);
			assertRefused(postgres, null);
			try (var connection = connect(postgres, password)) {
				assertThat(single(connection, "SELECT current_user")).isEqualTo("postgres");
			}
		}
		Files.delete(file);
		assertThatThrownBy(() -> start(dataDir)).hasMessageContaining("requires a password")
			.hasMessageContaining(file.toString());
	}

	@Test
	void aDataFolderOfAnEarlierVersionGetsAPasswordOnItsNextStart() throws Exception {
		var dataDir = folder.resolve("data");
		// as earlier versions started it: initdb's trust for every local connection, no password
		try (var earlier = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
				var connection = earlier.getPostgresDatabase().getConnection()) {
			connection.createStatement().execute("CREATE TABLE kept (id int)");
		}
		try (var postgres = start(dataDir)) {
			var password = Files.readString(dataDir.resolve("postgres-password")).strip();
			assertRefused(postgres, null);
			try (var connection = connect(postgres, password)) {
				assertThat(single(connection, "SELECT count(*) FROM kept")).as("the data is kept").isEqualTo("0");
			}
		}
	}

	/** The server's own configuration (application.yaml), not the embedded server's test-minded defaults. */
	@Test
	void theDataFolderIsDurableAsConfigured() throws Exception {
		var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"));
		var configured = new Binder(ConfigurationPropertySources.from(sources)).bind("cores", EmbeddedDatabaseProperties.class)
			.get();
		var dataDir = folder.resolve("data");
		try (var postgres = new EmbeddedDatabaseConfiguration()
			.embeddedPostgres(new EmbeddedDatabaseProperties(dataDir, configured.embeddedSettings()));
				var connection = connect(postgres, Files.readString(dataDir.resolve("postgres-password")).strip())) {
			assertThat(single(connection, "SHOW fsync")).isEqualTo("on");
			assertThat(single(connection, "SHOW synchronous_commit")).isEqualTo("on");
		}
	}

	@Test
	void aSettingThatWouldOpenItToTheNetworkIsRefused() {
		assertThatThrownBy(() -> new EmbeddedDatabaseProperties(folder, Map.of("listen_addresses", "*")))
			.hasMessageContaining("cores.embedded-settings.listen_addresses cannot be set");
	}

	private static EmbeddedPostgres start(Path dataDir) throws IOException {
		return new EmbeddedDatabaseConfiguration().embeddedPostgres(new EmbeddedDatabaseProperties(dataDir, Map.of()));
	}

	private static Connection connect(EmbeddedPostgres postgres, String password) throws SQLException {
		var properties = new Properties();
		properties.setProperty("user", "postgres");
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", properties);
	}

	private static void assertRefused(EmbeddedPostgres postgres, String password) {
		assertThatThrownBy(() -> connect(postgres, password).close()).as("connecting with password %s", password)
			.isInstanceOf(SQLException.class);
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (var result = connection.createStatement().executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	/** The machine's own non-loopback addresses, where a server listening everywhere would answer. */
	private static void assertNotReachableFromOtherAddresses(int port) throws IOException {
		var interfaces = NetworkInterface.networkInterfaces().filter(nic -> {
			try {
				return nic.isUp() && !nic.isLoopback();
			}
			catch (IOException ex) {
				return false;
			}
		}).toList();
		for (var nic : interfaces) {
			for (var address : nic.inetAddresses().filter(Inet4Address.class::isInstance).toList()) {
				assertThatThrownBy(() -> {
					try (var socket = new Socket()) {
						socket.connect(new InetSocketAddress(address, port), 1000);
					}
				}).as("port %d on %s", port, address).isInstanceOf(IOException.class);
			}
		}
	}
}

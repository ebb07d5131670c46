package io.cores.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL so that only the owner of its data folder can use it: it
 * listens on loopback only, and its superuser needs the password from {@link PasswordFile}.
 * A folder without that file (new, or from a version that trusted every local connection)
 * first gets a password, with a start of its own, before its protected start.
 */
final class EmbeddedDatabase {

	static final String SUPERUSER = "postgres";
	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private EmbeddedDatabase() {
	}

	static EmbeddedPostgres start(Path dataDir, Map<String, String> settings) throws IOException {
		Files.createDirectories(dataDir);
		if (PasswordFile.read(dataDir).isEmpty()) {
			addPassword(dataDir, settings);
		}
		var password = PasswordFile.read(dataDir).orElseThrow();
		return builder(dataDir, settings).setConnectConfig("password", password)
			.setDataDirectoryCustomizer(dir -> ClientAuthentication.requirePassword(dir.toPath()))
			.start();
	}

	/**
	 * The password is set before the file is written and the file before pg_hba.conf asks for
	 * it, so a crash at any point leaves a folder the next start can finish: never one that
	 * wants a password nobody has.
	 */
	private static void addPassword(Path dataDir, Map<String, String> settings) throws IOException {
		if (ClientAuthentication.requiresPassword(dataDir)) {
			throw new IllegalStateException("The embedded database in " + dataDir + " requires a password, but its file "
					+ PasswordFile.in(dataDir) + " is missing; restore it from a backup of the data folder");
		}
		var password = PasswordFile.generate();
		try (var postgres = builder(dataDir, settings).start(); var connection = postgres.getPostgresDatabase().getConnection()) {
			// the driver sends the SCRAM verifier, never the password itself
			connection.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), "scram-sha-256");
		}
		catch (SQLException ex) {
			throw new IOException("could not set the embedded database's password", ex);
		}
		PasswordFile.write(dataDir, password);
		log.info("Embedded PostgreSQL in {} now requires the password kept in {}", dataDir, PasswordFile.in(dataDir));
	}

	private static EmbeddedPostgres.Builder builder(Path dataDir, Map<String, String> settings) {
		var builder = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false);
		settings.forEach(builder::setServerConfig);
		// EmbeddedDatabaseProperties refuses this setting, and setting it last keeps it so
		builder.setServerConfig("listen_addresses", "localhost");
		return builder;
	}
}

package io.cores.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded server's pg_hba.conf. The embedded binaries' initdb trusts every local
 * connection, so any process on the machine could connect as superuser; this file replaces
 * that with a password (SCRAM) for every connection, over TCP and the Unix socket alike.
 */
final class ClientAuthentication {

	private static final String MARKER = "# Written by Cores";
	private static final String PASSWORD_REQUIRED = MARKER + """
			 at every start of its embedded PostgreSQL: every connection needs the
			# superuser's password, kept in postgres-password in this folder (docs/operations.md).
			local all all scram-sha-256
			host  all all 127.0.0.1/32 scram-sha-256
			host  all all ::1/128 scram-sha-256
			""";

	private ClientAuthentication() {
	}

	/** Written before every start, so a start interrupted while adding the password is finished by the next. */
	static void requirePassword(Path dataDir) {
		try {
			Files.writeString(file(dataDir), PASSWORD_REQUIRED, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean requiresPassword(Path dataDir) throws IOException {
		var file = file(dataDir);
		return Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).startsWith(MARKER);
	}

	private static Path file(Path dataDir) {
		return dataDir.resolve("pg_hba.conf");
	}
}

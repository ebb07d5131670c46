package io.cores.platform.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded superuser's password, kept in {@code postgres-password} in the data folder,
 * readable by its owner only: whoever may read the data files may connect, nobody else.
 */
final class PasswordFile {

	static final String NAME = "postgres-password";
	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordFile() {
	}

	static Path in(Path dataDir) {
		return dataDir.resolve(NAME);
	}

	static Optional<String> read(Path dataDir) throws IOException {
		var file = in(dataDir);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		// a copy restored from a backup may have lost its mode
		if (posix()) {
			Files.setPosixFilePermissions(file, OWNER_ONLY);
		}
		return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
	}

	static String generate() {
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Written whole or not at all, so a crash never leaves a half password behind. */
	static void write(Path dataDir, String password) throws IOException {
		var partial = dataDir.resolve(NAME + ".partial");
		Files.deleteIfExists(partial);
		if (posix()) {
			Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		Files.writeString(partial, password + "\n", StandardCharsets.UTF_8);
		Files.move(partial, in(dataDir), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}
}

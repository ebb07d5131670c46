package io.cores.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API token keys: 256 random bits, shown once. Only the SHA-256 of a key is stored. A key
 * carries its full entropy, so a plain (unsalted, fast) hash is enough to make a stolen
 * table useless, and it lets a presented key be found by an index lookup.
 */
public final class TokenKeys {

	/** Marks our keys, so they are told apart from JWTs and recognised by secret scanners. */
	public static final String PREFIX = "cores_";
	private static final int SHOWN_PREFIX = 12;
	private static final SecureRandom RANDOM = new SecureRandom();

	private TokenKeys() {
	}

	public static String generate() {
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String hash(String key) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Constant-time comparison of two hashes, so timing tells nothing about how much matched. */
	public static boolean sameHash(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
	}

	/** The part of a key kept in clear, so an owner can tell tokens apart. */
	public static String shownPrefix(String key) {
		// never more than a quarter of a key, so a short configured key is not kept in clear
		return key.substring(0, Math.min(SHOWN_PREFIX, key.length() / 4));
	}
}

package io.cores.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key of the first admin's token ({@code cores.bootstrap-token}), for scripts and CI that
 * must know it in advance; unset, a key is generated. A configured key is held to the length
 * of a generated one's entropy in hex, so a guessable word cannot become an admin key.
 *
 * @param bootstrapToken the key, or blank for a generated one
 */
@ConfigurationProperties("cores")
public record BootstrapProperties(String bootstrapToken) {

	static final int MIN_LENGTH = 32;

	public BootstrapProperties {
		bootstrapToken = bootstrapToken == null || bootstrapToken.isBlank() ? "" : bootstrapToken;
		if (!bootstrapToken.isEmpty() && bootstrapToken.length() < MIN_LENGTH) {
			throw new IllegalArgumentException("cores.bootstrap-token (CORES_BOOTSTRAP_TOKEN) must be at least " + MIN_LENGTH
					+ " characters long, the configured one has " + bootstrapToken.length()
					+ "; use a random key such as the output of `openssl rand -hex 32`, or unset it to have one generated");
		}
	}

	boolean configured() {
		return !bootstrapToken.isEmpty();
	}
}

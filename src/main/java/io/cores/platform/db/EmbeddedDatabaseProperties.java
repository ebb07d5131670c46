package io.cores.platform.db;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data ({@code cores.data-dir}) and any server
 * settings to pass it ({@code cores.embedded-settings.*}, e.g. {@code shared_buffers}; not
 * {@code listen_addresses}, which stays localhost).
 * Used only when no {@code spring.datasource.url} is configured.
 */
@ConfigurationProperties("cores")
public record EmbeddedDatabaseProperties(@DefaultValue("./data") Path dataDir, Map<String, String> embeddedSettings) {

	public EmbeddedDatabaseProperties {
		embeddedSettings = embeddedSettings == null ? Map.of() : Map.copyOf(embeddedSettings);
		if (embeddedSettings.containsKey("listen_addresses")) {
			throw new IllegalArgumentException("cores.embedded-settings.listen_addresses cannot be set: the embedded "
					+ "PostgreSQL listens on localhost only; for a database reachable from elsewhere configure an external "
					+ "one with spring.datasource.url");
		}
	}
}

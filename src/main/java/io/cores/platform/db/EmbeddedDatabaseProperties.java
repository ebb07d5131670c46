package io.cores.platform.db;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data ({@code cores.data-dir}) and any server
 * settings to pass it ({@code cores.embedded-settings.*}, e.g. {@code shared_buffers}).
 * Used only when no {@code spring.datasource.url} is configured.
 */
@ConfigurationProperties("cores")
public record EmbeddedDatabaseProperties(@DefaultValue("./data") Path dataDir, Map<String, String> embeddedSettings) {

	public EmbeddedDatabaseProperties {
		embeddedSettings = embeddedSettings == null ? Map.of() : Map.copyOf(embeddedSettings);
	}
}

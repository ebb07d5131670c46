package io.cores.platform.db;

import java.io.IOException;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The zero-configuration default: with no {@code spring.datasource.url}, start a real
 * PostgreSQL from the embedded binaries, keep its data in {@code cores.data-dir}, and hand
 * its address to Spring Boot as connection details, so pooling, Flyway and JPA are
 * configured exactly as they are for an external database. Only the owner of the data folder
 * can connect: see {@link EmbeddedDatabase}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceConfigured.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		var dataDir = dataDir(properties);
		var postgres = EmbeddedDatabase.start(dataDir, properties.embeddedSettings());
		log.info("Embedded PostgreSQL on port {} (localhost only) with data and password file in {}", postgres.getPort(),
				dataDir);
		return postgres;
	}

	@Bean
	JdbcConnectionDetails embeddedConnectionDetails(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties)
			throws IOException {
		var password = PasswordFile.read(dataDir(properties)).orElseThrow();
		return new JdbcConnectionDetails() {
			@Override
			public String getUsername() {
				return EmbeddedDatabase.SUPERUSER;
			}

			@Override
			public String getPassword() {
				return password;
			}

			@Override
			public String getJdbcUrl() {
				return postgres.getJdbcUrl(EmbeddedDatabase.SUPERUSER, "postgres");
			}
		};
	}

	private static Path dataDir(EmbeddedDatabaseProperties properties) {
		return properties.dataDir().toAbsolutePath().normalize();
	}

	static class NoDatasourceConfigured implements Condition {
		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			var url = context.getEnvironment().getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}
	}
}

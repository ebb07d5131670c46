package io.cores.demo;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.cores.live.ScanConflictResolutions;
import io.cores.live.ScanIngest;

/** Wires the demo loader; it runs as an {@link org.springframework.boot.ApplicationRunner}, after Flyway. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

	@Bean
	DemoDataLoader demoDataLoader(DataSource dataSource, DemoProperties properties, ScanIngest ingest,
			ScanConflictResolutions resolutions) {
		return new DemoDataLoader(dataSource, properties,
				new DemoScans(ingest, resolutions, new JdbcTemplate(dataSource)));
	}
}

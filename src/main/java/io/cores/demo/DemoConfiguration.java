package io.cores.demo;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the demo loader; it runs as an {@link org.springframework.boot.ApplicationRunner}, after Flyway. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

	@Bean
	DemoDataLoader demoDataLoader(DataSource dataSource, DemoProperties properties) {
		return new DemoDataLoader(dataSource, properties);
	}
}

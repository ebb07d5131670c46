package io.cores.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cores.demo.*} settings.
 *
 * @param hosts how many demo hosts to load on a database that has none (env
 *              {@code CORES_DEMO_HOSTS}); 0, the default, loads nothing
 */
@ConfigurationProperties("cores.demo")
public record DemoProperties(@DefaultValue("0") int hosts) {
}

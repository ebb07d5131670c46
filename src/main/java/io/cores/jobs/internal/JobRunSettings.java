package io.cores.jobs.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this instance runs queued job runs ({@code cores.jobs.run.*}; docs/jobs.md).
 *
 * @param threads runs of different jobs this instance runs at once
 * @param poll how often it looks for due runs and lost ones without being woken
 * @param shutdownGrace how long a shutdown waits for running runs before marking them interrupted
 */
@ConfigurationProperties("cores.jobs.run")
public record JobRunSettings(@DefaultValue("2") int threads, @DefaultValue("5s") Duration poll,
		@DefaultValue("30s") Duration shutdownGrace) {

	public JobRunSettings {
		if (threads < 1) {
			throw new IllegalArgumentException("cores.jobs.run.threads must be at least 1");
		}
		if (poll.isNegative() || poll.isZero()) {
			throw new IllegalArgumentException("cores.jobs.run.poll must be positive");
		}
	}
}

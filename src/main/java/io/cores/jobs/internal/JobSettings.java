package io.cores.jobs.internal;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.support.CronExpression;

/**
 * One job's settings, {@code cores.jobs.<name>.cron | interval | lock-at-most-for}: a cron
 * expression (six fields, server time zone) or a fixed interval, or neither (run only when
 * asked), and how long a run may go without renewing its lease before another instance
 * takes it for lost (also ShedLock's lockAtMostFor for the schedule). With
 * {@code .enabled=false} this instance neither schedules nor runs the job (others may).
 */
public record JobSettings(String name, boolean enabled, CronExpression cron, String cronText, Duration interval,
		Duration lockAtMostFor) {

	static final Duration DEFAULT_LOCK_AT_MOST_FOR = Duration.ofMinutes(5);

	/** Names that cannot be jobs': their keys hold the settings of all jobs. */
	static final java.util.Set<String> RESERVED = java.util.Set.of("run", "schedule", "instance");

	static JobSettings of(String name, Environment environment) {
		if (!name.matches("[a-z][a-z0-9-]*") || RESERVED.contains(name)) {
			throw new IllegalStateException("Not a job name (lower case, digits, hyphens; not run/schedule/instance): " + name);
		}
		var binder = Binder.get(environment);
		var prefix = "cores.jobs." + name + ".";
		var cronText = binder.bind(prefix + "cron", String.class).map(String::strip).orElse("");
		if (cronText.isEmpty()) {
			cronText = null;
		}
		var interval = binder.bind(prefix + "interval", Bindable.of(Duration.class)).orElse(null);
		boolean enabled = binder.bind(prefix + "enabled", Boolean.class).orElse(true);
		var lock = binder.bind(prefix + "lock-at-most-for", Bindable.of(Duration.class)).orElse(DEFAULT_LOCK_AT_MOST_FOR);
		if (cronText != null && interval != null) {
			throw new IllegalStateException(prefix + "cron and " + prefix + "interval are both set; set one");
		}
		CronExpression cron = null;
		if (cronText != null) {
			try {
				cron = CronExpression.parse(cronText);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(prefix + "cron is not a cron expression (" + ex.getMessage() + "): " + cronText);
			}
		}
		if (interval != null && (interval.isNegative() || interval.isZero())) {
			throw new IllegalStateException(prefix + "interval must be positive: " + interval);
		}
		if (lock.isNegative() || lock.isZero()) {
			throw new IllegalStateException(prefix + "lock-at-most-for must be positive: " + lock);
		}
		return new JobSettings(name, enabled, cron, cronText, interval, lock);
	}

	public boolean scheduled() {
		return cron != null || interval != null;
	}

	/** The schedule as jobDefinitions shows it: "cron 0 23 8 * * *", "every PT1S", or null. */
	public String scheduleText() {
		if (cron != null) {
			return "cron " + cronText;
		}
		return interval == null ? null : "every " + interval.toString().toUpperCase(Locale.ROOT);
	}
}

package io.cores.jobs.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.support.CronExpression;

/**
 * A job's schedule as a trigger whose fire times are the same on every instance: cron times,
 * or multiples of the interval since the epoch (not since this instance started). The time a
 * firing was scheduled for is its slot: instances firing for one slot queue one run.
 */
final class SlotTrigger implements Trigger {

	private final CronExpression cron;
	private final Duration interval;
	private final ZoneId zone;
	private final AtomicReference<Instant> upcoming = new AtomicReference<>();

	SlotTrigger(JobSettings settings, ZoneId zone) {
		this.cron = settings.cron();
		this.interval = settings.interval();
		this.zone = zone;
	}

	@Override
	public Instant nextExecution(TriggerContext context) {
		var base = context.getClock().instant();
		var last = context.lastScheduledExecution();
		if (last != null && last.isAfter(base)) {
			base = last;
		}
		var next = after(base);
		upcoming.set(next);
		return next;
	}

	/** The first fire time strictly after {@code time}. */
	Instant after(Instant time) {
		if (cron != null) {
			return cron.next(time.atZone(zone)).toInstant();
		}
		long step = interval.toMillis();
		long next = Math.floorDiv(time.toEpochMilli(), step) * step + step;
		return Instant.ofEpochMilli(next);
	}

	/** The slot of the firing now running: the time it was scheduled for. */
	Instant slot() {
		return upcoming.get();
	}

	/** The time between two firings around {@code time}. */
	Duration period(Instant time) {
		var next = after(time);
		return Duration.between(next, after(next));
	}
}

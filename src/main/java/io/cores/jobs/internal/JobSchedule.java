package io.cores.jobs.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Fires each scheduled job at its times and queues one run per slot for the whole cluster:
 * ShedLock (the shedlock table, database time) lets one instance queue a slot's run, and the
 * unique (name, slot) key stops a second one that fired for the same slot anyway. Whichever
 * instance has a free run thread then runs it ({@link JobWorker}). Off with
 * {@code cores.jobs.schedule=false} (the tests drive runs themselves).
 */
@Component
public class JobSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(JobSchedule.class);

	private final JobCatalog catalog;
	private final JobRuns runs;
	private final JobWorker worker;
	private final boolean enabled;
	private final LockingTaskExecutor locks;
	private final ZoneId zone = ZoneId.systemDefault();
	private final Map<String, SlotTrigger> triggers = new LinkedHashMap<>();
	private ThreadPoolTaskScheduler scheduler;

	JobSchedule(JobCatalog catalog, JobRuns runs, JobWorker worker, JdbcTemplate jdbc,
			@Value("${cores.jobs.schedule:true}") boolean enabled) {
		this.catalog = catalog;
		this.runs = runs;
		this.worker = worker;
		this.enabled = enabled;
		this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
			.builder().withJdbcTemplate(jdbc).withTableName("shedlock").usingDbTime().build()));
		for (var entry : catalog.all()) {
			if (entry.settings().scheduled() && entry.settings().enabled()) {
				triggers.put(entry.job().name(), new SlotTrigger(entry.settings(), zone));
			}
		}
	}

	/** The next time a scheduled job fires, or null for one that runs only when asked. */
	public Instant nextRun(String name) {
		var trigger = triggers.get(name);
		return trigger == null || !enabled ? null : trigger.after(Clock.systemUTC().instant());
	}

	public boolean enabled() {
		return enabled;
	}

	@Override
	public void start() {
		if (!enabled || triggers.isEmpty()) {
			return;
		}
		scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix(JobWorker.THREAD_PREFIX + "schedule-");
		scheduler.setPoolSize(1);
		scheduler.setDaemon(true);
		scheduler.initialize();
		triggers.forEach((name, trigger) -> {
			var settings = catalog.get(name).settings();
			scheduler.schedule(() -> fire(name, trigger, settings), trigger);
			log.info("Job {} scheduled: {}", name, settings.scheduleText());
		});
	}

	private void fire(String name, SlotTrigger trigger, JobSettings settings) {
		var slot = trigger.slot();
		var period = trigger.period(slot);
		// the record's interval: minutes between runs, for schedules of a minute or more
		Integer minutes = period.toMinutes() >= 1 ? (int) Math.min(period.toMinutes(), Integer.MAX_VALUE) : null;
		var atLeast = period.dividedBy(2);
		if (atLeast.compareTo(Duration.ofMinutes(1)) > 0) {
			atLeast = Duration.ofMinutes(1);
		}
		var atMost = settings.lockAtMostFor().compareTo(atLeast) > 0 ? settings.lockAtMostFor() : atLeast;
		try {
			locks.executeWithLock((Runnable) () -> {
				if (runs.enqueueSlot(name, slot.atOffset(ZoneOffset.UTC), minutes)) {
					worker.wake();
				}
			}, new LockConfiguration(Instant.now(), "job-" + name, atMost, atLeast));
		}
		catch (RuntimeException ex) {
			log.warn("Queueing the {} run of {} failed: {}", slot, name, ex.getMessage());
		}
	}

	@Override
	public void stop() {
		if (scheduler != null) {
			scheduler.shutdown();
			scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 900;
	}
}

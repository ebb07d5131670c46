package io.cores.jobs.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.cores.jobs.JobContext;

/**
 * Runs queued runs on this instance: a poller thread claims due runs ({@link JobRuns#claim})
 * while a run thread is free, renews the leases of the runs it holds, and marks the runs of
 * instances that stopped holding theirs as lost. It is woken early when a run is queued on
 * any instance (the job feed's NOTIFY); on each look it also reads whether an admin asked one
 * of its runs to stop (cancelJob), which the run's {@code cancelled()} then answers. On shutdown it stops claiming, waits up to the grace
 * time for its runs, then marks those still running as interrupted.
 */
@Component
@EnableConfigurationProperties(JobRunSettings.class)
public class JobWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(JobWorker.class);
	/** Thread names start so; background work, not a request's (tests count statements by thread). */
	public static final String THREAD_PREFIX = "cores-jobs-";

	private final JobRuns runs;
	private final JobCatalog catalog;
	private final JobRunSettings settings;
	private final String instance;
	private final Semaphore free;
	private final Map<Long, Running> running = new ConcurrentHashMap<>();
	private final Object wakeLock = new Object();
	private volatile boolean woken;
	private volatile boolean active;
	private ExecutorService executor;
	private Thread poller;

	private static final class Running implements JobContext {
		final long id;
		final JobRuns runs;
		final Duration lease;
		final Map<String, Object> data = new LinkedHashMap<>();
		volatile String failure;
		volatile boolean cancelled;
		/** Set when an admin asked the run to stop (cancelJob): the reason, "Cancelled by …". */
		volatile String stopAsked;
		/** Whether the job saw the request: cancelled() answered true for it. */
		volatile boolean heeded;

		Running(long id, JobRuns runs, Duration lease) {
			this.id = id;
			this.runs = runs;
			this.lease = lease;
		}

		@Override
		public long jobId() {
			return id;
		}

		@Override
		public void log(String message) {
			log("INFO", message);
		}

		@Override
		public void log(String level, String message) {
			runs.log(id, level, message);
		}

		@Override
		public void put(String key, Object value) {
			synchronized (data) {
				data.put(key, value);
			}
		}

		@Override
		public void fail(String reason) {
			failure = reason;
		}

		@Override
		public boolean cancelled() {
			if (stopAsked != null) {
				heeded = true;
				return true;
			}
			return cancelled || Thread.currentThread().isInterrupted();
		}
	}

	JobWorker(JobRuns runs, JobCatalog catalog, JobRunSettings settings,
			@org.springframework.beans.factory.annotation.Value("${cores.jobs.instance:}") String instance) {
		this.runs = runs;
		this.catalog = catalog;
		this.settings = settings;
		this.instance = instance.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : instance;
		this.free = new Semaphore(settings.threads());
	}

	/** This instance's name in the job records (cores.jobs.instance, else pid@host). */
	public String instance() {
		return instance;
	}

	/** Look for work now rather than at the next poll. */
	public void wake() {
		synchronized (wakeLock) {
			woken = true;
			wakeLock.notifyAll();
		}
	}

	@Override
	public void start() {
		var threads = new AtomicInteger();
		executor = Executors.newFixedThreadPool(settings.threads(), r -> {
			var thread = new Thread(r, THREAD_PREFIX + "run-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		active = true;
		poller = new Thread(this::poll, THREAD_PREFIX + "poll");
		poller.setDaemon(true);
		poller.start();
	}

	@Override
	public void stop() {
		active = false;
		wake();
		if (poller != null) {
			poller.interrupt();
		}
		if (executor == null) {
			return;
		}
		executor.shutdown();
		running.values().forEach(r -> r.cancelled = true);
		try {
			if (!executor.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
				var left = Map.copyOf(running);
				int marked = runs.interrupt(left.keySet(), instance);
				log.warn("Shutdown: {} job run(s) still running after {} marked ERRORED", marked, settings.shutdownGrace());
				executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return active;
	}

	/** Stops before the database connections and the listeners do, after the web server. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1000;
	}

	private void poll() {
		long lastRenew = 0;
		while (active) {
			try {
				runs.reapLost();
				if (!running.isEmpty() && System.nanoTime() - lastRenew > renewEvery().toNanos()) {
					var leases = new LinkedHashMap<Long, Duration>();
					running.forEach((id, r) -> leases.put(id, r.lease));
					runs.renew(leases.keySet(), instance, leases);
					lastRenew = System.nanoTime();
				}
				if (!running.isEmpty()) {
					runs.stopsAsked(running.keySet(), instance).forEach((id, reason) -> {
						var run = running.get(id);
						if (run != null) {
							run.stopAsked = reason;
						}
					});
				}
				while (active && free.tryAcquire()) {
					var claimed = runs.claim(catalog.runnable(), instance, catalog.leases());
					if (claimed == null) {
						free.release();
						break;
					}
					start(claimed);
				}
			}
			catch (RuntimeException ex) {
				if (active) {
					log.warn("Looking for job runs failed: {}", ex.getMessage());
				}
			}
			await(running.isEmpty() ? settings.poll() : min(settings.poll(), renewEvery()));
		}
	}

	private Duration renewEvery() {
		var shortest = running.values().stream().map(r -> r.lease).min(Duration::compareTo).orElse(settings.poll());
		return shortest.dividedBy(3);
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	private void await(Duration time) {
		synchronized (wakeLock) {
			if (!woken && active) {
				try {
					wakeLock.wait(Math.max(1, time.toMillis()));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			woken = false;
		}
	}

	private void start(JobRuns.Claimed claimed) {
		var entry = catalog.get(claimed.name());
		var context = new Running(claimed.id(), runs, entry.settings().lockAtMostFor());
		running.put(claimed.id(), context);
		try {
			executor.execute(() -> run(entry, context));
		}
		catch (RuntimeException rejected) {
			running.remove(claimed.id());
			free.release();
			runs.finish(claimed.id(), instance, "ERRORED", null, "Interrupted by shutdown");
		}
	}

	private void run(JobCatalog.Entry entry, Running context) {
		long started = System.nanoTime();
		try {
			context.log("Started on " + instance);
			String status;
			String error = null;
			try {
				entry.job().run(context);
				status = context.failure == null ? "COMPLETED" : "FAILED";
				error = context.failure;
			}
			catch (Exception | LinkageError ex) {
				status = "ERRORED";
				error = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
				log.warn("Job run {} ({}) broke off", context.id, entry.job().name(), ex);
			}
			if (context.cancelled && !"COMPLETED".equals(status)) {
				status = "ERRORED";
				error = "Interrupted by shutdown";
			}
			if (context.stopAsked != null) {
				if (context.heeded || !"COMPLETED".equals(status)) {
					status = "ERRORED";
					error = context.stopAsked;
				}
				else {
					context.log("WARNING", "Asked to stop (" + context.stopAsked + "), but the job did not look and ran to its end");
				}
			}
			long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
			context.log(status.equals("COMPLETED") ? "INFO" : "ERROR",
					status.equals("COMPLETED") ? "Completed in " + ms + " ms" : status + ": " + error);
			Map<String, Object> data;
			synchronized (context.data) {
				data = new LinkedHashMap<>(context.data);
			}
			if (!runs.finish(context.id, instance, status, data, error)) {
				log.warn("Job run {} ({}) was no longer held by this instance when it ended", context.id, entry.job().name());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Recording job run {} failed", context.id, ex);
		}
		finally {
			running.remove(context.id);
			free.release();
			wake();
		}
	}
}

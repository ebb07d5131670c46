package io.cores.jobs;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jobs that exist only in the tests' servers (picked up by the component scan, like
 * support/SqlStatements): one that breaks off, one that takes its time, one that ticks.
 */
@Configuration(proxyBeanMethods = false)
public class TestJobs {

	/** How many runs of test-tick this JVM has started. */
	public static final AtomicInteger TICKS = new AtomicInteger();

	@Bean
	BackgroundJob testFailingJob() {
		return job("test-failing", "Logs a line, then breaks off", context -> {
			context.log("about to fail");
			throw new IllegalStateException("the disk is full");
		});
	}

	@Bean
	BackgroundJob testSlowJob() {
		return job("test-slow", "Logs three lines, a moment apart", context -> {
			for (int i = 1; i <= 3; i++) {
				context.log("step " + i);
				Thread.sleep(300);
			}
			context.put("steps", 3);
		});
	}

	/** The two-instance test's job: runs about 300 ms; its schedule is set by that test's instances. */
	@Bean
	BackgroundJob testTickJob() {
		return job("test-tick", "Ticks", context -> {
			TICKS.incrementAndGet();
			Thread.sleep(Long.getLong("cores.test.tick-ms", 300));
		});
	}

	/** Takes a minute and does not look at cancelled(): what a shutdown has to interrupt. Two-instance test only. */
	@Bean
	BackgroundJob testSleepJob() {
		return job("test-sleep", "Sleeps a minute", context -> {
			context.log("sleeping");
			long until = System.nanoTime() + 60_000_000_000L;
			while (System.nanoTime() < until) {
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ignored) {
					// a job that does not stop when asked
				}
			}
		});
	}

	/** Works until cancelled (30 s at most), looking at cancelled() every 50 ms. */
	@Bean
	BackgroundJob testCancellableJob() {
		return job("test-cancellable", "Works until cancelled", TestJobs::untilCancelled);
	}

	/** The same under another name: two of them keep both run threads of a test server busy. */
	@Bean
	BackgroundJob testCancellableTooJob() {
		return job("test-cancellable-2", "Works until cancelled, too", TestJobs::untilCancelled);
	}

	/** Works 3 s without looking at cancelled(): a run asked to stop that goes on to its end. */
	@Bean
	BackgroundJob testStubbornJob() {
		return job("test-stubborn", "Works 3 s, never looking at cancelled()", context -> {
			context.log("working");
			Thread.sleep(3000);
			context.put("done", true);
		});
	}

	private static void untilCancelled(JobContext context) throws InterruptedException {
		context.log("working");
		int rounds = 0;
		long until = System.nanoTime() + 30_000_000_000L;
		while (!context.cancelled() && System.nanoTime() < until) {
			rounds++;
			Thread.sleep(50);
		}
		context.put("rounds", rounds);
		context.log("stopping");
	}

	interface Body {
		void run(JobContext context) throws Exception;
	}

	static BackgroundJob job(String name, String description, Body body) {
		return new BackgroundJob() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public String description() {
				return description;
			}

			@Override
			public void run(JobContext context) throws Exception {
				body.run(context);
			}
		};
	}
}

package io.cores.jobs.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import io.cores.platform.db.NotificationListener;

/**
 * This instance's reader of job events, whichever instance wrote them: runs queued, status
 * changes and log lines, read in event order above the last one published (as the scan
 * conflict feed reads conflicts), when woken by a NOTIFY on {@value JobRuns#CHANNEL}, after the
 * listening connection is reopened and on the listener's poll. Each wake also tells this
 * instance's worker to look for due runs.
 */
@Component
public class JobFeed {

	/** One event: a status change of the job (line null) or a line appended to its log. */
	public record Event(long seq, long jobId, Long lineId) {
	}

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbc;
	private final JobWorker worker;
	private final NotificationListener listener;
	private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
		var thread = new Thread(r, JobWorker.THREAD_PREFIX + "feed");
		thread.setDaemon(true);
		return thread;
	});
	private final AtomicBoolean readPending = new AtomicBoolean();
	private final Sinks.Many<List<Event>> events = Sinks.many().multicast().directBestEffort();
	private volatile long head;

	JobFeed(JdbcTemplate jdbc, JdbcConnectionDetails database, JobWorker worker, JobRunSettings settings) {
		this.jdbc = jdbc;
		this.worker = worker;
		this.head = jdbc.queryForObject("SELECT last_value FROM job_event_seq", Long.class);
		var poll = settings.poll().compareTo(Duration.ofSeconds(5)) < 0 ? settings.poll() : Duration.ofSeconds(5);
		this.listener = new NotificationListener(JobRuns.CHANNEL, database, poll, this::wake);
	}

	NotificationListener listener() {
		return listener;
	}

	public long head() {
		return head;
	}

	/** Batches of events, in order, as they are published. */
	public Flux<List<Event>> events() {
		return events.asFlux();
	}

	void wake() {
		worker.wake();
		if (readPending.compareAndSet(false, true)) {
			reader.execute(this::read);
		}
	}

	private void read() {
		readPending.set(false);
		while (true) {
			var batch = read(head, Long.MAX_VALUE, BATCH);
			if (batch.isEmpty()) {
				return;
			}
			head = batch.get(batch.size() - 1).seq();
			events.tryEmitNext(List.copyOf(batch));
			if (batch.size() < BATCH) {
				return;
			}
		}
	}

	/**
	 * The events above {@code after} up to {@code upTo}, in order, at most {@code limit}: what
	 * the feed publishes, and what a subscriber resuming after a cursor missed. A run changed
	 * several times since is one event, its last.
	 */
	public List<Event> read(long after, long upTo, int limit) {
		var batch = new ArrayList<Event>();
		jdbc.query("""
				SELECT event_seq, job_id, line_id FROM (
				  SELECT event_seq, id AS job_id, NULL::bigint AS line_id FROM job WHERE event_seq > ? AND event_seq <= ?
				  UNION ALL
				  SELECT event_seq, job_id, id FROM job_log_line WHERE event_seq > ? AND event_seq <= ?
				) e ORDER BY event_seq LIMIT ?""", rows -> {
			long seq = rows.getLong(1);
			long job = rows.getLong(2);
			long line = rows.getLong(3);
			batch.add(new Event(seq, job, rows.wasNull() ? null : line));
		}, after, upTo, after, upTo, limit);
		return batch;
	}

	/** The listener as a bean: started and stopped with the application, its health under this name. */
	@Configuration(proxyBeanMethods = false)
	static class Listening {

		@Bean
		NotificationListener jobListener(JobFeed feed) {
			return feed.listener();
		}
	}
}

package io.cores.live.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import io.cores.live.ScanConflictsCreated;
import io.cores.platform.db.NotificationListener;

/**
 * This instance's one reader of new conflicts, whichever instance created them: it reads
 * committed conflict ids above the last it published, in key order, and publishes them as
 * ranges to every subscription group. It reads when woken — by a local commit, by a
 * NOTIFY from another instance, after the listening connection is reopened, and on the
 * listener's poll — so a lost NOTIFY or a dropped connection delays events but loses none.
 * <p>
 * Key order is commit order because every ingest takes its ids under one transaction lock
 * ({@link ScanWrites#takeTurn()}): when a conflict is visible, every conflict with a lower
 * key is visible too, or never will be.
 */
@Component
public class ConflictFeed {

	/** The NOTIFY channel; its payload (the highest new id) is for people reading logs: readers query. */
	static final String CHANNEL = "cores_scan_conflicts";
	/** The most ids one range carries, so that a 50,000-conflict scan is read in bounded steps. */
	static final int RANGE = 1000;
	/** How often the listener wakes the feed without a NOTIFY: the bound on a lost one's delay. */
	private static final Duration POLL = Duration.ofSeconds(5);

	/** The conflicts with keys in (after, upTo], all committed. */
	public record Range(long after, long upTo) {
	}

	private final JdbcTemplate jdbc;
	private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
		var thread = new Thread(r, "conflict-feed");
		thread.setDaemon(true);
		return thread;
	});
	private final AtomicBoolean readPending = new AtomicBoolean();
	// one emitting thread (reader); each group buffers for itself, so no subscriber holds up another
	private final Sinks.Many<Range> ranges = Sinks.many().multicast().directBestEffort();
	private final NotificationListener listener;
	private volatile long head;

	ConflictFeed(JdbcTemplate jdbc, JdbcConnectionDetails database) {
		this.jdbc = jdbc;
		this.head = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM scan_conflict", Long.class);
		this.listener = new NotificationListener(CHANNEL, database, POLL, this::wake);
	}

	/** The listener, a bean of its own so that it starts, stops and reports health with the application. */
	public NotificationListener listener() {
		return listener;
	}

	/** The highest key published so far: every range published later lies above it. */
	public long head() {
		return head;
	}

	/** Ranges as they are published; a subscriber sees those published after it subscribed. */
	public Flux<Range> ranges() {
		return ranges.asFlux();
	}

	/** After an ingest commits: tell the other instances, and read here without waiting for the echo. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(ScanConflictsCreated created) {
		long highest = created.conflictIds().stream().mapToLong(Long::longValue).max().orElse(0);
		reader.execute(() -> jdbc.queryForList("SELECT pg_notify(?, ?)", CHANNEL, Long.toString(highest)));
		wake();
	}

	/** Reads what is new soon; wakes arriving while a read is queued share it. */
	public void wake() {
		if (readPending.compareAndSet(false, true)) {
			reader.execute(this::read);
		}
	}

	private void read() {
		readPending.set(false);
		while (true) {
			var ids = jdbc.queryForList("SELECT id FROM scan_conflict WHERE id > ? ORDER BY id LIMIT ?", Long.class, head,
					RANGE);
			if (ids.isEmpty()) {
				return;
			}
			var range = new Range(head, ids.get(ids.size() - 1));
			// head first: a subscriber that reads head after joining gets every later range live
			head = range.upTo();
			ranges.tryEmitNext(range);
			if (ids.size() < RANGE) {
				return;
			}
		}
	}
}

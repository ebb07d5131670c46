package io.cores.jobs.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import io.cores.platform.persistence.Json;

/**
 * The queue of runs, shared by every instance through the job table. Every write that a
 * subscriber should see (a run queued, a status change, a log line) takes one transaction
 * lock before anything else (so no two writers wait for each other's row locks) and NOTIFYs {@value #CHANNEL} in the same transaction: the event numbers
 * (job_event_seq) then commit in the order they were taken, so the feed can read "everything
 * above the last number" on any instance without missing a late commit.
 */
@Component
public class JobRuns {

	/** The NOTIFY channel of job events; the payload is the event number, readers query. */
	public static final String CHANNEL = "cores_jobs";
	private static final long EVENT_LOCK = 0x636f7265736a6f62L; // "coresjob"

	/** A run claimed by this instance. */
	public record Claimed(long id, String name, Long userId) {
	}

	private final JdbcTemplate jdbc;
	private final TransactionOperations transactions;

	JobRuns(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions.getTransactionManager());
	}

	private void takeTurn() {
		jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", EVENT_LOCK);
	}

	private void notifyEvent() {
		jdbc.queryForList("SELECT pg_notify(?, currval('job_event_seq')::text)", CHANNEL);
	}

	/**
	 * Queues a run asked for: PENDING when due now, SCHEDULED for a later {@code at}. Inside the
	 * caller's transaction (runJob writes its change record with it).
	 */
	public long enqueue(String name, OffsetDateTime at, Long userId) {
		takeTurn();
		long id = jdbc.queryForObject("""
				INSERT INTO job (name, status, scheduled_at, user_id)
				VALUES (?, CASE WHEN ?::timestamptz > now() THEN 'SCHEDULED' ELSE 'PENDING' END, greatest(coalesce(?::timestamptz, now()), now()), ?)
				RETURNING id""", Long.class, name, ts(at), ts(at), userId);
		notifyEvent();
		return id;
	}

	/**
	 * Queues the run of a schedule slot, once per cluster: a second instance firing for the
	 * same slot inserts nothing, and a slot whose earlier run still waits adds none.
	 */
	public boolean enqueueSlot(String name, OffsetDateTime slot, Integer intervalMinutes) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			takeTurn();
			int inserted = jdbc.update("""
					INSERT INTO job (name, status, scheduled_at, slot, interval_minutes)
					SELECT ?, 'PENDING', now(), ?, ?
					WHERE NOT EXISTS (SELECT 1 FROM job WHERE name = ? AND slot IS NOT NULL AND status = 'PENDING')
					ON CONFLICT (name, slot) DO NOTHING""", name, ts(slot), intervalMinutes, name);
			if (inserted > 0) {
				notifyEvent();
			}
			return inserted > 0;
		}));
	}

	/**
	 * Locks a run for a change by the caller's transaction: the event lock first, as every
	 * writer here takes it, so that no two writers wait for each other's locks.
	 */
	public Map<String, Object> lock(long id) {
		takeTurn();
		var rows = jdbc.queryForList("SELECT id, name, status, version, error FROM job WHERE id = ? FOR UPDATE", id);
		return rows.isEmpty() ? null : rows.get(0);
	}

	/** Cancels a waiting run locked by {@link #lock} (ERRORED, "Cancelled by …"), inside the caller's transaction. */
	public void cancel(long id, String by) {
		jdbc.update("""
				UPDATE job SET status = 'ERRORED', error = ?, completed_at = now(), version = version + 1,
				               event_seq = nextval('job_event_seq')
				WHERE id = ?""", "Cancelled by " + by, id);
		notifyEvent();
	}

	/**
	 * Asks a RUNNING run locked by {@link #lock} to stop, inside the caller's transaction: its
	 * {@code error} holds the reason ("Cancelled by …") while it still runs, and a log line says
	 * so. The instance running it sees the request on its next look (woken by the NOTIFY).
	 */
	public void askToStop(long id, String by) {
		jdbc.update("""
				UPDATE job SET error = ?, version = version + 1, event_seq = nextval('job_event_seq')
				WHERE id = ? AND status = 'RUNNING'""", "Cancelled by " + by, id);
		jdbc.update("""
				INSERT INTO job_log_line (job_id, seq, level, message)
				SELECT ?, coalesce(max(seq), 0) + 1, 'WARNING', ? FROM job_log_line WHERE job_id = ?""", id,
				"Asked to stop: cancelled by " + by, id);
		notifyEvent();
	}

	/** Of the runs this instance holds, those asked to stop, with the reason. */
	public Map<Long, String> stopsAsked(Collection<Long> ids, String instance) {
		var asked = new java.util.HashMap<Long, String>();
		if (ids.isEmpty()) {
			return asked;
		}
		jdbc.query("SELECT id, error FROM job WHERE id = ANY (?) AND status = 'RUNNING' AND instance = ? AND error IS NOT NULL",
				rows -> {
					asked.put(rows.getLong(1), rows.getString(2));
				}, ids.toArray(Long[]::new), instance);
		return asked;
	}

	/**
	 * Claims the next due run of one of {@code names} whose job is not running anywhere, with
	 * a lease of {@code lease}: the row lock (SKIP LOCKED) keeps two instances off one run, the
	 * unique index on running names keeps two runs of one job apart.
	 */
	public Claimed claim(Collection<String> names, String instance, Map<String, Duration> leases) {
		if (names.isEmpty()) {
			return null;
		}
		try {
			return transactions.execute(status -> {
				takeTurn();
				var rows = jdbc.queryForList("""
						SELECT id, name, user_id FROM job j
						WHERE status IN ('PENDING', 'SCHEDULED') AND scheduled_at <= now() AND name = ANY (?)
						  AND NOT EXISTS (SELECT 1 FROM job r WHERE r.name = j.name AND r.status = 'RUNNING')
						ORDER BY scheduled_at, id
						LIMIT 1
						FOR UPDATE SKIP LOCKED""", (Object) names.toArray(String[]::new));
				if (rows.isEmpty()) {
					return null;
				}
				var row = rows.get(0);
				var name = (String) row.get("name");
				long id = ((Number) row.get("id")).longValue();
				jdbc.update("""
						UPDATE job SET status = 'RUNNING', started_at = now(), instance = ?,
						               lease_until = now() + ? * interval '1 millisecond', version = version + 1,
						               event_seq = nextval('job_event_seq')
						WHERE id = ?""", instance, leases.get(name).toMillis(), id);
				notifyEvent();
				var user = (Number) row.get("user_id");
				return new Claimed(id, name, user == null ? null : user.longValue());
			});
		}
		catch (DataIntegrityViolationException raced) {
			// another instance started a run of the same job at the same moment: it runs, this waits
			return null;
		}
	}

	/** Extends the leases of the runs this instance holds; a run no longer RUNNING here is not touched. */
	public void renew(Collection<Long> ids, String instance, Map<Long, Duration> leases) {
		for (var id : ids) {
			jdbc.update("""
					UPDATE job SET lease_until = now() + ? * interval '1 millisecond'
					WHERE id = ? AND status = 'RUNNING' AND instance = ?""", leases.get(id).toMillis(), id, instance);
		}
	}

	/** Appends a line to a run's log, as its own committed row. */
	public void log(long jobId, String level, String message) {
		transactions.executeWithoutResult(status -> {
			takeTurn();
			jdbc.update("""
					INSERT INTO job_log_line (job_id, seq, level, message)
					SELECT ?, coalesce(max(seq), 0) + 1, ?, ? FROM job_log_line WHERE job_id = ?""", jobId, level, message,
					jobId);
			notifyEvent();
		});
	}

	/**
	 * Ends a run held by this instance. Returns false when it is not RUNNING here any more (it
	 * was taken for lost meanwhile): the record keeps what the other instance wrote.
	 */
	public boolean finish(long id, String instance, String status, Map<String, Object> data, String error) {
		return Boolean.TRUE.equals(transactions.execute(tx -> {
			takeTurn();
			int updated = jdbc.update("""
					UPDATE job SET status = ?, completed_at = greatest(now(), started_at), data = ?::jsonb, error = ?,
					               lease_until = NULL, version = version + 1, event_seq = nextval('job_event_seq')
					WHERE id = ? AND status = 'RUNNING' AND instance = ?""", status, data == null || data.isEmpty() ? null
					: Json.write(data), error, id, instance);
			if (updated > 0) {
				notifyEvent();
			}
			return updated > 0;
		}));
	}

	/** Marks ERRORED the RUNNING runs whose lease has passed: their instance stopped holding them. */
	public List<Long> reapLost() {
		return transactions.execute(status -> {
			takeTurn();
			var lost = jdbc.queryForList("""
					SELECT id FROM job WHERE status = 'RUNNING' AND lease_until < now() FOR UPDATE""", Long.class);
			if (lost.isEmpty()) {
				return lost;
			}
			for (var id : lost) {
				jdbc.update("""
						UPDATE job SET status = 'ERRORED', completed_at = greatest(now(), started_at), lease_until = NULL,
						               error = 'Lost: instance ' || coalesce(instance, '?') || ' stopped holding it (lease ended '
						                       || to_char(lease_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ')',
						               version = version + 1, event_seq = nextval('job_event_seq')
						WHERE id = ?""", id);
				jdbc.update("""
						INSERT INTO job_log_line (job_id, seq, level, message)
						SELECT j.id, coalesce((SELECT max(seq) FROM job_log_line WHERE job_id = j.id), 0) + 1, 'ERROR', j.error
						FROM job j WHERE j.id = ?""", id);
			}
			notifyEvent();
			return lost;
		});
	}

	/** On shutdown: the runs this instance still holds after the grace time. */
	public int interrupt(Collection<Long> ids, String instance) {
		int marked = 0;
		for (var id : ids) {
			if (finish(id, instance, "ERRORED", null, "Interrupted by shutdown")) {
				log(id, "ERROR", "Interrupted by shutdown");
				marked++;
			}
		}
		return marked;
	}

	private static Timestamp ts(OffsetDateTime time) {
		return time == null ? null : Timestamp.from(time.toInstant());
	}
}

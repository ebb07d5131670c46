package io.cores.jobs.internal;

import java.time.OffsetDateTime;
import java.util.function.IntSupplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.cores.booking.HoldRetention;
import io.cores.jobs.BackgroundJob;
import io.cores.jobs.JobContext;
import io.cores.live.ScanRetention;
import io.cores.notices.NoticeRetention;

/**
 * Retention (SPEC.md, Maintenance): keeps {@code keep-months} (3) months. Each owning module
 * deletes its own rows (notices, scan sessions with their conflicts, holds); this module its
 * job records and sent mails. In batches of {@code batch-size}, each its own transaction, so
 * a large backlog holds no long locks and a shutdown stops between batches. The result data
 * counts what went, per kind.
 */
@Component
class MaintenanceJob implements BackgroundJob {

	private final NoticeRetention notices;
	private final ScanRetention scans;
	private final HoldRetention holds;
	private final JdbcTemplate jdbc;
	private final int keepMonths;
	private final int batchSize;

	MaintenanceJob(NoticeRetention notices, ScanRetention scans, HoldRetention holds, JdbcTemplate jdbc,
			@Value("${cores.jobs.maintenance.keep-months:3}") int keepMonths,
			@Value("${cores.jobs.maintenance.batch-size:1000}") int batchSize) {
		if (keepMonths < 1) {
			throw new IllegalStateException("cores.jobs.maintenance.keep-months must be at least 1: " + keepMonths);
		}
		if (batchSize < 1) {
			throw new IllegalStateException("cores.jobs.maintenance.batch-size must be at least 1: " + batchSize);
		}
		this.notices = notices;
		this.scans = scans;
		this.holds = holds;
		this.jdbc = jdbc;
		this.keepMonths = keepMonths;
		this.batchSize = batchSize;
	}

	@Override
	public String name() {
		return "maintenance";
	}

	@Override
	public String description() {
		return "Deletes what is older than the retention time (cores.jobs.maintenance.keep-months, 3): expired notices, "
				+ "scan sessions without open conflicts, ended bookings and reservations, job records and sent mails.";
	}

	@Override
	public void run(JobContext context) {
		var cutoff = OffsetDateTime.now().minusMonths(keepMonths);
		context.log("Deleting records older than " + keepMonths + " months (before " + cutoff + "), " + batchSize
				+ " at a time");
		context.put("cutoff", cutoff.toString());
		count(context, "notices", () -> notices.deleteExpiredBefore(cutoff, batchSize));
		int[] conflicts = { 0 };
		count(context, "scanSessions", () -> {
			var deleted = scans.deleteSessionsBefore(cutoff, batchSize);
			conflicts[0] += deleted.conflicts();
			return deleted.sessions();
		});
		context.put("scanConflicts", conflicts[0]);
		int[] split = { 0, 0 };
		loop(context, () -> {
			var deleted = holds.deleteEndedBefore(cutoff, batchSize);
			split[0] += deleted.bookings();
			split[1] += deleted.reservations();
			return deleted.bookings() + deleted.reservations();
		});
		report(context, "bookings", split[0]);
		report(context, "reservations", split[1]);
		count(context, "jobs", () -> jdbc.update("""
				DELETE FROM job WHERE id IN (
				  SELECT id FROM job WHERE status IN ('COMPLETED', 'ERRORED', 'FAILED') AND coalesce(completed_at, created_at) < ?
				    AND id <> ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)""", cutoff, context.jobId(), batchSize));
		count(context, "sentMails", () -> jdbc.update("""
				DELETE FROM mail_outbox WHERE id IN (
				  SELECT id FROM mail_outbox WHERE sent_at < ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)""", cutoff,
				batchSize));
	}

	private void count(JobContext context, String kind, IntSupplier batch) {
		report(context, kind, loop(context, batch));
	}

	/** Runs batches until one deletes fewer than a batch (or the instance shuts down); the total. */
	private int loop(JobContext context, IntSupplier batch) {
		int total = 0;
		while (!context.cancelled()) {
			int deleted = batch.getAsInt();
			total += deleted;
			if (deleted < batchSize) {
				break;
			}
		}
		return total;
	}

	private static void report(JobContext context, String kind, int deleted) {
		context.put(kind, deleted);
		context.log(kind + ": " + deleted + " deleted");
	}
}

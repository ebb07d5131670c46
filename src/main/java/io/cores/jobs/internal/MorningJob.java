package io.cores.jobs.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.cores.jobs.BackgroundJob;
import io.cores.jobs.JobContext;

/**
 * The morning mails (SPEC.md, Morning jobs): one mail per owner whose bookings or
 * reservations start or end today (server time zone), and one per hold notification the
 * booking module recorded (a hold ended or cancelled because its host was withdrawn). Mails go
 * to the outbox, unique by kind, subject and day: a second run, here or on another instance,
 * writes none again. Then it sends what the outbox holds, when a mail server is configured.
 */
@Component
class MorningJob implements BackgroundJob {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcTemplate jdbc;
	private final MailOutbox outbox;
	private final ZoneId zone = ZoneId.systemDefault();

	MorningJob(JdbcTemplate jdbc, MailOutbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	@Override
	public String name() {
		return "morning";
	}

	@Override
	public String description() {
		return "Mails each owner whose bookings or reservations start or end today, and each owner whose hold was ended or cancelled by a host's withdrawal; then sends the outbox.";
	}

	private record Hold(long ownerId, String email, String owner, String kind, String host, java.time.OffsetDateTime start,
			java.time.OffsetDateTime end, boolean startsToday, boolean endsToday) {
	}

	@Override
	public void run(JobContext context) {
		var today = LocalDate.now(zone);
		var from = today.atStartOfDay(zone).toOffsetDateTime();
		var to = today.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
		context.log("Mailing owners of bookings and reservations that start or end on " + today);
		var holds = jdbc.query("""
				SELECT u.id, u.email, coalesce(u.display_name, u.username), h.kind, ho.hostname, h.starts_at, h.ends_at,
				       h.starts_at >= ? AND h.starts_at < ?, h.ends_at >= ? AND h.ends_at < ?
				FROM hold h JOIN app_user u ON u.id = h.owner_id
				     JOIN bookable b ON b.id = h.bookable_id JOIN host ho ON ho.id = b.host_id
				WHERE h.cancelled_at IS NULL
				  AND ((h.starts_at >= ? AND h.starts_at < ?) OR (h.ends_at >= ? AND h.ends_at < ?))
				ORDER BY u.id, h.starts_at, h.id""", (rows, n) -> new Hold(rows.getLong(1), rows.getString(2),
				rows.getString(3), rows.getString(4), rows.getString(5), rows.getObject(6, java.time.OffsetDateTime.class),
				rows.getObject(7, java.time.OffsetDateTime.class), rows.getBoolean(8), rows.getBoolean(9)), from, to, from,
				to, from, to, from, to);
		Map<Long, List<Hold>> byOwner = new LinkedHashMap<>();
		holds.forEach(h -> byOwner.computeIfAbsent(h.ownerId(), k -> new ArrayList<>()).add(h));
		int written = 0;
		int noAddress = 0;
		for (var owned : byOwner.values()) {
			var first = owned.get(0);
			if (first.email() == null || first.email().isBlank()) {
				noAddress++;
				continue;
			}
			var body = new StringBuilder("Hello " + first.owner() + ",\n\nyour bookings and reservations that start or end today ("
					+ today + "):\n\n");
			for (var h : owned) {
				body.append("- ").append(h.kind().equals("BOOKING") ? "Booking" : "Reservation").append(" of ").append(h.host())
					.append(": ").append(time(h.start())).append(" to ").append(h.end() == null ? "open" : time(h.end()))
					.append(h.startsToday() && h.endsToday() ? " (starts and ends today)"
							: h.startsToday() ? " (starts today)" : " (ends today)")
					.append('\n');
			}
			body.append("\n-- Cores\n");
			if (outbox.write("HOLDS_TODAY", Long.toString(first.ownerId()), today, first.email(),
					"Cores: your holds today, " + today, body.toString(), context.jobId())) {
				written++;
			}
		}
		context.log(written + " mail(s) about today's holds written to the outbox (" + byOwner.size() + " owner(s))");
		if (noAddress > 0) {
			context.log("WARNING", noAddress + " owner(s) have no e-mail address");
		}
		int notifications = notifications(context, today);
		context.put("holdMails", written);
		context.put("notificationMails", notifications);
		context.put("ownersWithoutAddress", noAddress);
		SendMailsJob.send(outbox, context);
	}

	/** One mail per hold notification not mailed yet. */
	private int notifications(JobContext context, LocalDate today) {
		var rows = jdbc.queryForList("""
				SELECT n.id, n.kind, n.reason, u.email, coalesce(u.display_name, u.username) AS owner, h.kind AS hold_kind,
				       ho.hostname, h.starts_at, h.ends_at
				FROM hold_notification n JOIN app_user u ON u.id = n.owner_id JOIN hold h ON h.id = n.hold_id
				     JOIN bookable b ON b.id = h.bookable_id JOIN host ho ON ho.id = b.host_id
				WHERE NOT EXISTS (SELECT 1 FROM mail_outbox m WHERE m.kind = 'HOLD_NOTIFICATION' AND m.subject_key = n.id::text)
				  AND u.email IS NOT NULL AND btrim(u.email) <> ''
				ORDER BY n.id""");
		int written = 0;
		for (var row : rows) {
			var what = "BOOKING".equals(row.get("hold_kind")) ? "booking" : "reservation";
			var happened = "ENDED".equals(row.get("kind")) ? "ended" : "cancelled";
			var subject = "Cores: your " + what + " of " + row.get("hostname") + " was " + happened;
			var body = "Hello " + row.get("owner") + ",\n\nyour " + what + " of " + row.get("hostname") + " ("
					+ time(odt(row.get("starts_at"))) + " to "
					+ (row.get("ends_at") == null ? "open" : time(odt(row.get("ends_at")))) + ") was " + happened + ": "
					+ row.get("reason") + "\n\n-- Cores\n";
			if (outbox.write("HOLD_NOTIFICATION", row.get("id").toString(), today, (String) row.get("email"), subject, body,
					context.jobId())) {
				written++;
			}
		}
		context.log(written + " mail(s) about ended or cancelled holds written to the outbox");
		return written;
	}

	private static java.time.OffsetDateTime odt(Object value) {
		if (value instanceof java.time.OffsetDateTime time) {
			return time;
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
		}
		return null;
	}

	private String time(java.time.OffsetDateTime time) {
		return time.atZoneSameInstant(zone).format(TIME);
	}
}

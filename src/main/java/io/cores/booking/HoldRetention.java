package io.cores.booking;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention (SPEC.md, Maintenance): bookings and reservations that ended, or were cancelled,
 * before a cutoff go, a batch at a time (their hold notifications with them). An open
 * reservation (no end) stays.
 */
@Component
public class HoldRetention {

	/** What one batch deleted, by kind. */
	public record Deleted(int bookings, int reservations) {
	}

	private final JdbcTemplate jdbc;

	HoldRetention(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public Deleted deleteEndedBefore(OffsetDateTime cutoff, int limit) {
		var kinds = jdbc.queryForList("""
				DELETE FROM hold WHERE id IN (
				  SELECT id FROM hold WHERE ends_at < ? OR cancelled_at < ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING kind""", String.class, cutoff, cutoff, limit);
		int bookings = (int) kinds.stream().filter("BOOKING"::equals).count();
		return new Deleted(bookings, kinds.size() - bookings);
	}
}

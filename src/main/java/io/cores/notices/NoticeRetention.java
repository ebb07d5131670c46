package io.cores.notices;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Retention (SPEC.md, Maintenance): notices that expired before a cutoff go, a batch at a time. */
@Component
public class NoticeRetention {

	private final JdbcTemplate jdbc;

	NoticeRetention(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Deletes at most {@code limit} notices expired before {@code cutoff}; returns how many. */
	@Transactional
	public int deleteExpiredBefore(OffsetDateTime cutoff, int limit) {
		return jdbc.update("""
				DELETE FROM notice WHERE id IN (
				  SELECT id FROM notice WHERE expires_at < ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)""", cutoff, limit);
	}
}

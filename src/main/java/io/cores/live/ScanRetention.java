package io.cores.live;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention (SPEC.md, Maintenance): scan sessions created before a cutoff that have no open
 * (NEW or IGNORED) conflict go, with their other conflicts, a batch at a time.
 */
@Component
public class ScanRetention {

	/** What one batch deleted. */
	public record Deleted(int sessions, int conflicts) {
	}

	private final JdbcTemplate jdbc;

	ScanRetention(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public Deleted deleteSessionsBefore(OffsetDateTime cutoff, int limit) {
		var ids = jdbc.queryForList("""
				SELECT s.id FROM scan_session s
				WHERE s.created_at < ?
				  AND NOT EXISTS (SELECT 1 FROM scan_conflict c WHERE c.session_id = s.id AND c.status IN ('NEW', 'IGNORED'))
				ORDER BY s.id LIMIT ? FOR UPDATE SKIP LOCKED""", Long.class, cutoff, limit);
		if (ids.isEmpty()) {
			return new Deleted(0, 0);
		}
		var array = (Object) ids.toArray(Long[]::new);
		int conflicts = jdbc.update("DELETE FROM scan_conflict WHERE session_id = ANY (?)", array);
		int sessions = jdbc.update("DELETE FROM scan_session WHERE id = ANY (?)", array);
		return new Deleted(sessions, conflicts);
	}
}

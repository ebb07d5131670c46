package io.cores.support;

import org.springframework.jdbc.core.JdbcTemplate;

/** For race tests: knowing that a second writer really is waiting for the first. */
public final class LockWaits {

	private LockWaits() {
	}

	/** Waits until a backend is blocked on a lock while running a statement containing this text. */
	public static void awaitBlocked(JdbcTemplate jdbc, String statementPart) {
		for (int i = 0; i < 400; i++) {
			var waiting = jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
					+ "AND position(lower(?) in lower(query)) > 0", Integer.class, statementPart);
			if (waiting > 0) {
				return;
			}
			try {
				Thread.sleep(25);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted while waiting for a blocked writer", ex);
			}
		}
		throw new AssertionError("no writer ever waited on a lock running \"" + statementPart + "\"");
	}
}

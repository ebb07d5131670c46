package io.cores.identity;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules need of scan agents: which registered agent a name is, and that an agent
 * was heard from. Only this module writes agent rows; the scan ingest calls {@link #seen} in
 * its own transaction, so a refused or rolled-back scan leaves lastSeenAt as it was.
 */
@Service
public class Agents {

	private final JdbcTemplate jdbc;

	Agents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The registered agent of this name, if any. */
	public Optional<Long> idOf(String name) {
		return jdbc.queryForList("SELECT id FROM agent WHERE name = ?", Long.class, name).stream().findFirst();
	}

	/**
	 * The agent posted just now. Not a change of the agent's own data (no version, no change
	 * record), as a token's last use is not.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void seen(long agentId) {
		jdbc.update("UPDATE agent SET last_seen_at = now() WHERE id = ?", agentId);
	}
}

package io.cores.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start: with no admin in the database (directly or through a group), create the user
 * "admin" and an ADMIN token for it, so a new installation can be used at all. The key is
 * {@code cores.bootstrap-token} when set (scripts, tests), else generated and logged once.
 */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private final JdbcTemplate jdbc;
	private final String configuredKey;

	BootstrapAdmin(JdbcTemplate jdbc, @Value("${cores.bootstrap-token:}") String configuredKey) {
		this.jdbc = jdbc;
		this.configuredKey = configuredKey;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		// one instance at a time decides, so two starting together create one admin
		jdbc.execute("SELECT pg_advisory_xact_lock(hashtext('cores.bootstrap-admin'))");
		Integer admins = jdbc.queryForObject("""
				SELECT count(*) FROM app_user u WHERE u.active AND (u.role = 'ADMIN' OR EXISTS (
				  SELECT 1 FROM group_membership m JOIN user_group g ON g.id = m.group_id
				  WHERE m.user_id = u.id AND g.role = 'ADMIN'))""", Integer.class);
		if (admins != null && admins > 0) {
			return;
		}
		long userId = jdbc.queryForObject("""
				INSERT INTO app_user (username, display_name, role) VALUES ('admin', 'Administrator', 'ADMIN')
				ON CONFLICT (username) DO UPDATE SET role = 'ADMIN', active = true RETURNING id""", Long.class);
		boolean generated = configuredKey.isBlank();
		var key = generated ? TokenKeys.generate() : configuredKey;
		jdbc.update("""
				INSERT INTO api_token (key_hash, key_prefix, owner_id, role, comment)
				VALUES (?, ?, ?, 'ADMIN', 'created at first start') ON CONFLICT (key_hash) DO NOTHING""",
				TokenKeys.hash(key), TokenKeys.shownPrefix(key), userId);
		if (generated) {
			log.warn("No admin existed, so user 'admin' was created with this API token (shown once, store it now): {}", key);
		}
		else {
			log.info("No admin existed, so user 'admin' was created with the token from cores.bootstrap-token");
		}
	}
}

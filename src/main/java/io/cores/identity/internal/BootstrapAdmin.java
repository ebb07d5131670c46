package io.cores.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start: with no admin in the database (directly or through a group), create an admin
 * user and an ADMIN token for it, so a new installation can be used at all. The key is
 * {@code cores.bootstrap-token} when set (scripts, tests), else generated and logged once.
 * Existing users are never changed: a user called "admin" who is not (or no longer) an admin
 * stays as they are, and the new admin gets the next free name, "admin-2" and so on.
 */
@Component
@Order(0)
@EnableConfigurationProperties(BootstrapProperties.class)
class BootstrapAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
	private static final String NAME = "admin";

	private final JdbcTemplate jdbc;
	private final BootstrapProperties properties;

	BootstrapAdmin(JdbcTemplate jdbc, BootstrapProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
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
		var key = properties.configured() ? properties.bootstrapToken() : TokenKeys.generate();
		requireUnusedKey(key);
		var admin = createAdmin();
		jdbc.update("""
				INSERT INTO api_token (key_hash, key_prefix, owner_id, role, comment)
				VALUES (?, ?, ?, 'ADMIN', 'created at first start')""", TokenKeys.hash(key), TokenKeys.shownPrefix(key),
				admin.id());
		if (!admin.username().equals(NAME)) {
			log.warn("No admin existed and user '{}' is not an active admin, so that user was left unchanged and the new admin is '{}'",
					NAME, admin.username());
		}
		if (properties.configured()) {
			log.info("No admin existed, so user '{}' was created with the token from cores.bootstrap-token", admin.username());
		}
		else {
			log.warn("No admin existed, so user '{}' was created with this API token (shown once, store it now): {}",
					admin.username(), key);
		}
	}

	/**
	 * A configured key that is already some token's key belongs to a user who is no longer an
	 * admin; handing that token back its power, or creating a second token nobody can use,
	 * would both surprise the operator, who has to choose a new key.
	 */
	private void requireUnusedKey(String key) {
		var owners = jdbc.queryForList("""
				SELECT u.username FROM api_token t JOIN app_user u ON u.id = t.owner_id WHERE t.key_hash = ?""",
				String.class, TokenKeys.hash(key));
		if (!owners.isEmpty()) {
			throw new IllegalStateException("No admin is left, and cores.bootstrap-token is already the key of a token of user '"
					+ owners.get(0) + "', who is not an admin; set cores.bootstrap-token to a new key (or unset it to "
					+ "have one generated) to create a new admin");
		}
	}

	private Admin createAdmin() {
		for (int n = 1;; n++) {
			var username = n == 1 ? NAME : NAME + "-" + n;
			var ids = jdbc.queryForList("""
					INSERT INTO app_user (username, display_name, role) VALUES (?, 'Administrator', 'ADMIN')
					ON CONFLICT (username) DO NOTHING RETURNING id""", Long.class, username);
			if (!ids.isEmpty()) {
				return new Admin(ids.get(0), username);
			}
		}
	}

	private record Admin(long id, String username) {
	}
}

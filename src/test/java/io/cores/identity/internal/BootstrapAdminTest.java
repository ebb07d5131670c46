package io.cores.identity.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first-start admin (docs/security.md, "First start"). Each scenario with no admin left
 * runs in a transaction that is rolled back, so the shared database keeps its admin.
 */
class BootstrapAdminTest extends ApiTest {

	private static final String NEW_KEY = "cores_a-new-bootstrap-key-for-this-test-only";

	@Autowired
	private PlatformTransactionManager transactions;

	private final ApplicationContextRunner startup = new ApplicationContextRunner()
		.withUserConfiguration(BootstrapAdmin.class)
		.withBean(JdbcTemplate.class, () -> jdbc);

	@Test
	void aBootstrapKeyShorterThan32CharactersStopsTheStart() {
		startup.withPropertyValues("cores.bootstrap-token=cores_0123456789abcdef012345678").run(context -> {
			assertThat(context).hasFailed();
			assertThat(rootCause(context.getStartupFailure())).hasMessageContaining("cores.bootstrap-token")
				.hasMessageContaining("at least 32 characters")
				.hasMessageNotContaining("cores_0123456789abcdef012345678");
		});
		startup.withPropertyValues("cores.bootstrap-token=cores_0123456789abcdef0123456789")
			.run(context -> assertThat(context).hasNotFailed());
		startup.run(context -> assertThat(context).as("unset: a key is generated").hasNotFailed());
	}

	@Test
	void anExistingUserCalledAdminWhoIsNoAdminIsNotPromoted() {
		withNoAdminLeft(() -> {
			new BootstrapAdmin(jdbc, new BootstrapProperties(NEW_KEY)).run(null);
			assertThat(jdbc.queryForObject("SELECT role FROM app_user WHERE username = 'admin'", String.class))
				.isEqualTo("USER");
			assertThat(jdbc.queryForMap("""
					SELECT u.username, u.role FROM api_token t JOIN app_user u ON u.id = t.owner_id WHERE t.key_hash = ?""",
					TokenKeys.hash(NEW_KEY)))
				.containsEntry("username", "admin-2")
				.containsEntry("role", "ADMIN");
		});
	}

	@Test
	void aBootstrapKeyHeldByAFormerAdminStopsTheStart() {
		withNoAdminLeft(() -> {
			assertThatThrownBy(() -> new BootstrapAdmin(jdbc, new BootstrapProperties(ADMIN_KEY)).run(null))
				.hasMessageContaining("cores.bootstrap-token is already the key of a token of user 'admin'")
				.hasMessageContaining("set cores.bootstrap-token to a new key");
			assertThat(jdbc.queryForObject("SELECT role FROM app_user WHERE username = 'admin'", String.class))
				.isEqualTo("USER");
		});
	}

	/** Demotes every admin, including the test profile's bootstrap user "admin", then rolls back. */
	private void withNoAdminLeft(Runnable scenario) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			status.setRollbackOnly();
			jdbc.update("UPDATE app_user SET role = 'USER' WHERE role = 'ADMIN'");
			jdbc.update("UPDATE user_group SET role = NULL WHERE role = 'ADMIN'");
			scenario.run();
		});
	}

	private static Throwable rootCause(Throwable thrown) {
		var cause = thrown;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}
}

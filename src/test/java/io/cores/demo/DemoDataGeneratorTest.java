package io.cores.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads the demo lab into a migrated, throwaway PostgreSQL and checks that it is the size
 * asked for, consistent, deterministic and loaded only once.
 * <p>
 * Timing a big load: {@code mvn test -Dtest=DemoDataGeneratorTest -Ddemo.hosts=20000}.
 */
class DemoDataGeneratorTest {

	private static final int HOSTS = 300;
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T09:30:00Z"), ZoneOffset.UTC);

	private static EmbeddedPostgres postgres;
	private static int databases;

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.start();
	}

	@AfterAll
	static void stop() throws IOException {
		postgres.close();
	}

	@Test
	void loadsALabOfTheRequestedSize() throws SQLException {
		var dataSource = freshDatabase();
		var summary = new DemoData(dataSource, 7, CLOCK).load(HOSTS);
		var db = new JdbcTemplate(dataSource);

		assertThat(summary.loaded()).isTrue();
		assertThat(count(db, "SELECT count(*) FROM host")).isEqualTo(HOSTS).isEqualTo(summary.count("hosts"));
		assertThat(count(db, "SELECT count(*) FROM nic")).isEqualTo(3 * HOSTS).isEqualTo(summary.count("NICs"));
		// ten per host, and one past the retention time (below)
		assertThat(count(db, "SELECT count(*) FROM hold WHERE kind = 'BOOKING'")).isEqualTo(10 * HOSTS + 1);
		assertThat(count(db, "SELECT count(*) FROM hold WHERE kind = 'RESERVATION'")).isGreaterThanOrEqualTo(3);
		assertThat(count(db, "SELECT count(*) FROM hold WHERE kind = 'RESERVATION' AND ends_at IS NULL")).isPositive();
		assertThat(count(db, "SELECT count(*) FROM hold WHERE cancelled_at IS NOT NULL")).isPositive();
		assertThat(count(db, "SELECT count(*) FROM bookable")).isEqualTo(HOSTS);
		assertThat(count(db, "SELECT count(*) FROM app_user")).isEqualTo(20 + HOSTS / 100);
		assertThat(count(db, "SELECT count(*) FROM building")).isEqualTo(3);
		assertThat(count(db, "SELECT count(*) FROM lab")).isBetween(6L, 12L);
		assertThat(count(db, "SELECT count(*) FROM rack WHERE is_default")).isEqualTo(count(db, "SELECT count(*) FROM lab"));
		assertThat(summary.describe()).contains(HOSTS + " hosts", 3 * HOSTS + " NICs", (10 * HOSTS + 1) + " bookings");
	}

	@Test
	void keepsTheDomainRules() throws SQLException {
		var dataSource = freshDatabase();
		new DemoData(dataSource, 11, CLOCK).load(HOSTS);
		var db = new JdbcTemplate(dataSource);

		// mostly active, some new and inactive, one lent out
		assertThat(count(db, "SELECT count(*) FROM host WHERE status = 'ACTIVE'")).isGreaterThan(HOSTS * 8 / 10);
		assertThat(count(db, "SELECT count(*) FROM host WHERE status = 'NEW'")).isPositive();
		assertThat(count(db, "SELECT count(*) FROM host WHERE status = 'INACTIVE'")).isPositive();
		assertThat(count(db, """
				SELECT count(*) FROM loan l JOIN host h ON h.id = l.host_id JOIN bookable b ON b.host_id = h.id
				WHERE l.returned_at IS NULL AND h.status = 'ON_LOAN' AND b.status = 'SUSPENDED'
				  AND h.status_before_loan = 'ACTIVE'""")).isEqualTo(1);
		assertThat(count(db, "SELECT count(*) FROM loan WHERE returned_at IS NULL")).isEqualTo(1);
		assertThat(count(db, "SELECT count(*) FROM loan WHERE returned_at IS NOT NULL")).isEqualTo(1);
		assertThat(count(db, "SELECT count(*) FROM host WHERE status = 'ON_LOAN'")).isEqualTo(1);
		// nothing runs on a suspended host after it went away (its bookable's updated_at)
		assertThat(count(db, """
				SELECT count(*) FROM hold x JOIN bookable b ON b.id = x.bookable_id
				WHERE b.status = 'SUSPENDED' AND x.cancelled_at IS NULL
				  AND (x.ends_at IS NULL OR x.ends_at > b.updated_at)""")).isZero();

		// VMs on hypervisors, every host with one primary NIC, global MACs, ips in the host's lab
		assertThat(count(db, "SELECT count(*) FROM host v JOIN host h ON h.id = v.vm_host_id WHERE h.hypervisor")).isPositive();
		assertThat(count(db, "SELECT count(*) FROM host v WHERE v.vm_host_id IS NOT NULL")).isPositive();
		assertThat(count(db, "SELECT count(*) FROM nic WHERE is_primary")).isEqualTo(HOSTS);
		assertThat(count(db, "SELECT count(*) FROM nic WHERE (get_byte(macaddr_send(mac), 0) & 3) <> 0")).isZero();
		assertThat(count(db, """
				SELECT count(*) FROM nic n JOIN host h ON h.id = n.host_id JOIN rack r ON r.id = h.rack_id
				WHERE n.ip IS NOT NULL AND NOT EXISTS (
				    SELECT 1 FROM lab_subnet s WHERE s.lab_id = r.lab_id AND n.ip << s.subnet)""")).isZero();
		assertThat(count(db, "SELECT count(*) FROM host WHERE status = 'ACTIVE' AND (ip IS NULL OR last_seen IS NULL)")).isZero();
		assertThat(count(db, "SELECT count(*) FROM host WHERE status = 'NEW' AND ip IS NOT NULL")).isZero();
		assertThat(count(db, "SELECT count(*) FROM card WHERE host_id IS NOT NULL")).isPositive();

		// the scans are planned, not written: DemoLabTest posts them through the ingest; an agent without a token
		assertThat(count(db, "SELECT count(*) FROM scan_session")).isZero();
		assertThat(count(db, "SELECT count(*) FROM scan_conflict")).isZero();
		assertThat(count(db, "SELECT count(*) FROM agent WHERE token_id IS NULL AND last_seen_at IS NULL")).isEqualTo(1);

		// notices, tags on every kind of object, journal and change log
		assertThat(count(db, "SELECT count(*) FROM notice WHERE target_group_id IS NOT NULL")).isPositive();
		assertThat(count(db, "SELECT count(*) FROM notice WHERE expires_at < now()")).isPositive();
		assertThat(db.queryForList("SELECT DISTINCT object_type FROM tagged_item", String.class))
			.containsExactlyInAnyOrder("Host", "Nic", "Lab", "Rack", "Bookable");
		assertThat(count(db, """
				SELECT count(*) FROM tagged_item t WHERE t.object_type = 'Bookable'
				  AND NOT EXISTS (SELECT 1 FROM bookable b WHERE b.id = t.object_id)""")).isZero();
		assertThat(count(db, "SELECT count(*) FROM journal_entry WHERE object_type = 'Host'")).isPositive();
		assertThat(count(db, """
				SELECT count(*) FROM object_change c JOIN host h ON h.id = c.object_id
				WHERE c.action = 'CREATE' AND c.object_type = 'Host' AND c.object_repr = h.hostname""")).isEqualTo(HOSTS);
		assertThat(count(db, "SELECT count(*) FROM group_membership")).isPositive();

		// no admins (an operator's bootstrap admin stays the only one); unusable tokens; job history
		assertThat(count(db, "SELECT count(*) FROM app_user WHERE role = 'ADMIN'")).isZero();
		assertThat(count(db, "SELECT count(*) FROM user_group WHERE role = 'ADMIN'")).isZero();
		assertThat(count(db, "SELECT count(*) FROM api_token")).isEqualTo(2);
		assertThat(count(db, "SELECT count(*) FROM job WHERE status = 'COMPLETED'")).isPositive();
		assertThat(count(db, "SELECT count(*) FROM job WHERE status = 'SCHEDULED'")).isEqualTo(2);
		// each run that ran has its log, a row per line; each scheduled one its slot
		assertThat(count(db, "SELECT count(*) FROM job j WHERE started_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM job_log_line l WHERE l.job_id = j.id)")).isZero();
		assertThat(count(db, "SELECT count(*) FROM job WHERE status = 'SCHEDULED' AND slot = scheduled_at AND name IN ('morning', 'maintenance')")).isEqualTo(2);
		// past the retention time (3 months before the clock), for maintenance to delete: a notice expired, a
		// booking and a reservation ended, the morning run of that day and the mail it sent their owner
		var cutoff = "'" + CLOCK.instant().atOffset(ZoneOffset.UTC).minusMonths(3) + "'::timestamptz";
		assertThat(count(db, "SELECT count(*) FROM notice WHERE expires_at < " + cutoff)).isEqualTo(1);
		assertThat(count(db, "SELECT count(*) FROM hold WHERE kind = 'BOOKING' AND ends_at < " + cutoff)).isEqualTo(1);
		assertThat(count(db, "SELECT count(*) FROM hold WHERE kind = 'RESERVATION' AND ends_at < " + cutoff)).isEqualTo(1);
		assertThat(count(db, "SELECT count(*) FROM job WHERE completed_at < " + cutoff)).isEqualTo(1);
		assertThat(count(db, "SELECT count(*) FROM mail_outbox m JOIN job j ON j.id = m.job_id"
				+ " JOIN app_user u ON u.email = m.recipient AND m.subject_key = u.id::text"
				+ " WHERE m.sent_at < " + cutoff + " AND j.name = 'morning' AND m.day = (j.scheduled_at AT TIME ZONE 'UTC')::date"
				+ " AND (SELECT count(*) FROM hold h WHERE h.owner_id = u.id AND (h.ends_at AT TIME ZONE 'UTC')::date = m.day) = 2"))
			.as("the mail of that day's morning run to the owner of both").isEqualTo(1);
		assertThat(count(db, "SELECT count(*) FROM mail_outbox")).isEqualTo(1);
		// every subnet in 10/8, so tests and sites can use 172.16/12 and 192.168/16 alongside
		assertThat(count(db, "SELECT count(*) FROM lab_subnet WHERE NOT subnet <<= '10.0.0.0/8'")).isZero();
		assertThat(count(db, "SELECT count(*) FROM user_group WHERE name IN ('lab-admins', 'network-team', 'qa')")).isEqualTo(3);
	}

	@Test
	void sameSeedSameLabAndLoadsOnlyOnce() throws SQLException {
		var first = freshDatabase();
		var second = freshDatabase();
		var one = new DemoData(first, 42, CLOCK).load(HOSTS);
		var other = new DemoData(second, 42, CLOCK).load(HOSTS);
		assertThat(fingerprint(first)).isEqualTo(fingerprint(second));
		assertThat(one.scans()).hasSize(2).isEqualTo(other.scans());

		var again = new DemoData(first, 42, CLOCK).load(HOSTS);
		assertThat(again.loaded()).isFalse();
		assertThat(count(new JdbcTemplate(first), "SELECT count(*) FROM host")).isEqualTo(HOSTS);
	}

	@Test
	void smallLabsWork() throws SQLException {
		for (int hosts : new int[] { 1, 7, 60 }) {
			var dataSource = freshDatabase();
			var summary = new DemoData(dataSource, 3, CLOCK).load(hosts);
			var db = new JdbcTemplate(dataSource);
			assertThat(count(db, "SELECT count(*) FROM host")).isEqualTo(hosts).isEqualTo(summary.count("hosts"));
			assertThat(count(db, "SELECT count(*) FROM nic")).isEqualTo(3L * hosts);
		}
	}

	@Test
	void loaderDoesNothingWhenNoHostsAreAskedFor() throws Exception {
		var dataSource = freshDatabase();
		var db = new JdbcTemplate(dataSource);
		var tables = db.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
				+ "AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'", String.class);
		assertThat(tables).contains("host", "nic", "hold", "app_user");
		new DemoDataLoader(dataSource, new DemoProperties(0), null).run(null);
		for (var table : tables) {
			assertThat(count(db, "SELECT count(*) FROM " + table)).as("rows in " + table).isZero();
		}
		// that the same loader with hosts asked for does load, so the check above can fail, is DemoLabTest's
	}

	/** Times a big load: {@code -Ddemo.hosts=20000}. */
	@Test
	@EnabledIfSystemProperty(named = "demo.hosts", matches = "\\d+")
	void timesABigLoad() throws SQLException {
		int hosts = Integer.parseInt(System.getProperty("demo.hosts"));
		var dataSource = freshDatabase();
		var summary = new DemoData(dataSource, DemoData.DEFAULT_SEED).load(hosts);
		System.out.println(summary.describe());
		var db = new JdbcTemplate(dataSource);
		assertThat(count(db, "SELECT count(*) FROM host")).isEqualTo(hosts);
		assertThat(count(db, "SELECT count(*) FROM nic")).isEqualTo(3L * hosts);
		assertThat(count(db, "SELECT count(*) FROM hold WHERE kind = 'BOOKING'")).isEqualTo(10L * hosts + 1);
	}

	private static DataSource freshDatabase() {
		var name = "demo" + (++databases);
		new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE " + name);
		var dataSource = postgres.getDatabase("postgres", name);
		Flyway.configure().dataSource(dataSource).load().migrate();
		return dataSource;
	}

	private static long count(JdbcTemplate db, String sql) {
		return db.queryForObject(sql, Long.class);
	}

	private static List<String> fingerprint(DataSource dataSource) {
		var db = new JdbcTemplate(dataSource);
		var parts = new ArrayList<String>();
		parts.add(db.queryForObject("SELECT md5(string_agg(hostname || status || coalesce(host(ip), '-'), ',' ORDER BY hostname)) FROM host", String.class));
		parts.add(db.queryForObject("SELECT md5(string_agg(mac::text || coalesce(host(ip), '-') || role, ',' ORDER BY mac)) FROM nic", String.class));
		parts.add(db.queryForObject("""
				SELECT md5(string_agg(h.hostname || x.kind || x.starts_at || coalesce(x.ends_at::text, '-')
				    || coalesce(x.cancelled_at::text, '-') || u.username, ',' ORDER BY h.hostname, x.starts_at))
				FROM hold x JOIN bookable b ON b.id = x.bookable_id JOIN host h ON h.id = b.host_id
				JOIN app_user u ON u.id = x.owner_id""", String.class));
		return parts;
	}
}

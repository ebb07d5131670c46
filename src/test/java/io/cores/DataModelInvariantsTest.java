package io.cores;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.annotation.Autowired;

import io.cores.support.ApiTest;
import io.cores.support.LockWaits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The invariants of SPEC.md that the database itself keeps (docs/data-model.md), proved by
 * writing straight to the tables as any writer could — a script, a bulk load, a buggy module:
 * each violation is refused by the named constraint. The races show that two concurrent
 * writers cannot both land what only one may.
 */
class DataModelInvariantsTest extends ApiTest {

	private static final OffsetDateTime T = OffsetDateTime.of(2030, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC);

	@Autowired
	private DataSource dataSource;

	@Test
	void hostnamesAreUniqueWhateverTheirCaseAndMustBeDnsNames() {
		data().host("Alpha", null, "NEW");
		assertRefused("host_hostname_key", "INSERT INTO host (hostname) VALUES (?)", data().name("ALPHA"));
		assertRefused("host_hostname_is_dns_name", "INSERT INTO host (hostname) VALUES (?)", data().name("not_a_dns name"));
		assertRefused("host_status_check", "INSERT INTO host (hostname, status) VALUES (?, 'BROKEN')", data().name("b"));
	}

	@Test
	void aHostOnLoanRemembersTheStatusItGoesBackToAndOnlyThen() {
		assertRefused("host_status_before_loan_while_on_loan", "INSERT INTO host (hostname, status) VALUES (?, 'ON_LOAN')",
				data().name("lent"));
		assertRefused("host_status_before_loan_while_on_loan",
				"INSERT INTO host (hostname, status, status_before_loan) VALUES (?, 'ACTIVE', 'INACTIVE')", data().name("home"));
		assertRefused("host_status_before_loan_check",
				"INSERT INTO host (hostname, status, status_before_loan) VALUES (?, 'ON_LOAN', 'ON_LOAN')", data().name("twice"));
		assertThatCode(() -> data().host("out", null, "ON_LOAN")).doesNotThrowAnyException();
	}

	@Test
	void aMacIsStoredNormalisedAndUniqueInAnySpelling() {
		long nic = data().insert("INSERT INTO nic (mac) VALUES ('02-1B-21-AA-00-01'::macaddr) RETURNING id");
		assertThat(jdbc.queryForObject("SELECT mac::text FROM nic WHERE id = ?", String.class, nic))
			.isEqualTo("02:1b:21:aa:00:01");
		assertRefused("nic_mac_key", "INSERT INTO nic (mac) VALUES ('021b.21aa.0001'::macaddr)");
		jdbc.update("DELETE FROM nic WHERE id = ?", nic);
	}

	@Test
	void aHostHasAtMostOnePrimaryNicAndALabOneDefaultRack() {
		long lab = data().lab(data().building("b"), "lab");
		long host = data().host("h", data().rack(lab, "rack 0", true), "ACTIVE");
		data().nic(host, data().mac(), null, true, null);
		assertRefused("nic_one_primary_per_host",
				"INSERT INTO nic (host_id, mac, is_primary) VALUES (?, ?::macaddr, true)", host, data().mac());
		assertRefused("nic_primary_needs_host", "INSERT INTO nic (mac, is_primary) VALUES (?::macaddr, true)", data().mac());
		assertRefused("rack_one_default_per_lab", "INSERT INTO rack (lab_id, name, is_default) VALUES (?, ?, true)", lab,
				data().name("another default"));
	}

	@Test
	void deletingAHostLeavesItsNicsAndCardsUnattachedAndNoNicPrimary() {
		long host = data().host("doomed", null, "ACTIVE");
		long primary = data().nic(host, data().mac(), "10.250.0.1", true, T);
		long other = data().nic(host, data().mac(), "10.250.0.2", false, T);
		long card = data().card(host, "gpu");
		jdbc.update("DELETE FROM host WHERE id = ?", host);
		assertThat(jdbc.queryForList("SELECT host_id, is_primary FROM nic WHERE id IN (?, ?) ORDER BY id", primary, other))
			.containsExactly(nicRow(null, false), nicRow(null, false));
		assertThat(jdbc.queryForObject("SELECT host_id FROM card WHERE id = ?", Long.class, card)).isNull();
		assertRefused("nic_primary_needs_host", "UPDATE nic SET is_primary = true WHERE id = ?", primary);
	}

	@Test
	void aBlankAssetNumberMeansNoneAndCollidesWithNothing() {
		long first = data().insert("INSERT INTO host (hostname, asset_number) VALUES (?, '') RETURNING id", data().name("a1"));
		long second = data().insert("INSERT INTO host (hostname, asset_number) VALUES (?, '') RETURNING id", data().name("a2"));
		long spaces = data().insert("INSERT INTO host (hostname, asset_number) VALUES (?, '   ') RETURNING id",
				data().name("a3"));
		long numbered = data().insert("INSERT INTO host (hostname, asset_number) VALUES (?, ?) RETURNING id",
				data().name("a4"), data().name("asset"));
		jdbc.update("UPDATE host SET asset_number = ' ' WHERE id = ?", numbered);
		assertThat(jdbc.queryForList("SELECT asset_number FROM host WHERE id IN (?, ?, ?, ?)", String.class, first, second,
				spaces, numbered))
			.as("stored as none").containsOnlyNulls().hasSize(4);
		var asset = data().name("asset");
		jdbc.update("UPDATE host SET asset_number = ? WHERE id = ?", asset, first);
		assertRefused("host_asset_number_key", "UPDATE host SET asset_number = ? WHERE id = ?", asset, second);

		long host = data().host("carrier", null, "ACTIVE");
		long card = data().card(host, "nic card");
		long another = data().card(host, "nic card");
		jdbc.update("UPDATE card SET asset_number = '' WHERE id IN (?, ?)", card, another);
		assertThat(jdbc.queryForList("SELECT asset_number FROM card WHERE id IN (?, ?)", String.class, card, another))
			.containsOnlyNulls().hasSize(2);
		jdbc.update("UPDATE card SET asset_number = ? WHERE id = ?", asset, card);
		assertRefused("card_asset_number_key", "UPDATE card SET asset_number = ? WHERE id = ?", asset, another);
	}

	@Test
	void noTwoLabsSubnetsOverlap() {
		long building = data().building("b");
		var subnet = data().subnet(data().lab(building, "one"));
		var inside = subnet.replace(".0/24", ".128/25");
		assertRefused("lab_subnet_no_overlap", "INSERT INTO lab_subnet (lab_id, subnet) VALUES (?, ?::cidr)",
				data().lab(building, "two"), inside);
	}

	@Test
	void holdsOnABookableNeverOverlapButCancelledOnesHoldNothing() {
		long bookable = bookable();
		long owner = data().user("owner");
		long booking = data().booking(bookable, owner, T, T.plusHours(2));
		assertRefused("hold_no_overlap", "INSERT INTO hold (kind, bookable_id, owner_id, starts_at, ends_at) "
				+ "VALUES ('RESERVATION', ?, ?, ?, ?)", bookable, owner, T.plusHours(1), T.plusHours(3));
		// an open reservation holds everything after its start
		data().reservation(bookable, owner, T.plusDays(1), null);
		assertRefused("hold_no_overlap", "INSERT INTO hold (kind, bookable_id, owner_id, starts_at, ends_at) "
				+ "VALUES ('BOOKING', ?, ?, ?, ?)", bookable, owner, T.plusDays(30), T.plusDays(31));
		// [start, end): a hold may begin when the one before ends
		assertThatCode(() -> data().booking(bookable, owner, T.plusHours(2), T.plusHours(3))).doesNotThrowAnyException();
		jdbc.update("UPDATE hold SET cancelled_at = now() WHERE id = ?", booking);
		assertThatCode(() -> data().booking(bookable, owner, T, T.plusHours(1))).doesNotThrowAnyException();
	}

	@Test
	void aBookingHasAnEndAfterItsStart() {
		long bookable = bookable();
		long owner = data().user("owner");
		assertRefused("hold_booking_has_end", "INSERT INTO hold (kind, bookable_id, owner_id, starts_at) "
				+ "VALUES ('BOOKING', ?, ?, ?)", bookable, owner, T);
		assertRefused("hold_starts_before_end", "INSERT INTO hold (kind, bookable_id, owner_id, starts_at, ends_at) "
				+ "VALUES ('BOOKING', ?, ?, ?, ?)", bookable, owner, T, T);
		assertRefused("bookable_host_key", "INSERT INTO bookable (host_id) SELECT host_id FROM bookable WHERE id = ?", bookable);
	}

	@Test
	void aVmsHostIsAHypervisorWithoutCyclesAndKeepsItsFlagWhileItHasVms() {
		long hypervisor = data().host("hv", null, "ACTIVE");
		long plain = data().host("plain", null, "ACTIVE");
		assertRefused("host_vm_host_is_hypervisor", "INSERT INTO host (hostname, vm_host_id) VALUES (?, ?)",
				data().name("vm0"), plain);
		jdbc.update("UPDATE host SET hypervisor = true WHERE id = ?", hypervisor);
		long vm = data().insert("INSERT INTO host (hostname, vm_host_id) VALUES (?, ?) RETURNING id", data().name("vm1"),
				hypervisor);
		assertRefused("host_hypervisor_has_vms", "UPDATE host SET hypervisor = false WHERE id = ?", hypervisor);
		jdbc.update("UPDATE host SET hypervisor = true WHERE id = ?", vm);
		assertRefused("host_vm_host_no_cycle", "UPDATE host SET vm_host_id = ? WHERE id = ?", vm, hypervisor);
		assertRefused("host_vm_host_no_cycle", "UPDATE host SET vm_host_id = id WHERE id = ?", vm);
	}

	@Test
	void twoWritersBookingTheSameTimeAtOnceCannotBothLand() throws Exception {
		long bookable = bookable();
		long owner = data().user("owner");
		var sql = "INSERT INTO hold (kind, bookable_id, owner_id, starts_at, ends_at) VALUES ('BOOKING', "
				+ bookable + ", " + owner + ", '" + T + "', '" + T.plusHours(1) + "')";
		assertThat(race(sql, sql)).isEqualTo("hold_no_overlap");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM hold WHERE bookable_id = ?", Integer.class, bookable)).isOne();
	}

	@Test
	void twoWritersLendingTheSameHostAtOnceCannotBothLand() throws Exception {
		long host = data().host("lent", null, "ACTIVE");
		var sql = "INSERT INTO loan (host_id, borrower, starts_at) VALUES (" + host + ", 'someone', now())";
		assertThat(race(sql, sql)).isEqualTo("loan_one_open_per_host");
		jdbc.update("UPDATE loan SET returned_at = now() WHERE host_id = ?", host);
		assertThatCode(() -> jdbc.update(sql)).as("a returned loan leaves the host free to lend").doesNotThrowAnyException();
	}

	@Test
	void theSameScanPostedTwiceAtOnceLandsOnce() throws Exception {
		var sql = "INSERT INTO scan_session (agent, scanned_at, raw_results) VALUES ('" + data().name("agent") + "', '" + T
				+ "', '[]')";
		assertThat(race(sql, sql)).isEqualTo("scan_session_agent_time_key");
	}

	@Test
	void twoLabsClaimingOverlappingSubnetsAtOnceCannotBothLand() throws Exception {
		long building = data().building("b");
		long one = data().lab(building, "one");
		long two = data().lab(building, "two");
		var subnet = data().subnet(data().lab(building, "probe"));
		jdbc.update("DELETE FROM lab_subnet WHERE subnet = ?::cidr", subnet);
		assertThat(race("INSERT INTO lab_subnet (lab_id, subnet) VALUES (" + one + ", '" + subnet + "')",
				"INSERT INTO lab_subnet (lab_id, subnet) VALUES (" + two + ", '" + subnet.replace(".0/24", ".0/25") + "')"))
			.isEqualTo("lab_subnet_no_overlap");
	}

	private static Map<String, Object> nicRow(Long hostId, boolean primary) {
		var row = new HashMap<String, Object>();
		row.put("host_id", hostId);
		row.put("is_primary", primary);
		return row;
	}

	private long bookable() {
		return data().bookable(data().host("bookable", null, "ACTIVE"), "ACTIVE");
	}

	/** Runs the statement and expects the database to refuse it with this constraint. */
	private void assertRefused(String constraint, String sql, Object... args) {
		var thrown = catchThrowable(() -> jdbc.update(sql, args));
		assertThat(thrown).as("refused by %s", constraint).isNotNull();
		assertThat(violatedConstraint(thrown)).isEqualTo(constraint);
	}

	/**
	 * Two transactions write at once: the first holds its row uncommitted while the second
	 * is shown to wait on it, then the first commits. Returns the constraint that refused the
	 * second; fails if both landed.
	 */
	private String race(String first, String second) throws Exception {
		try (var one = dataSource.getConnection(); var two = dataSource.getConnection()) {
			one.setAutoCommit(false);
			two.setAutoCommit(false);
			one.createStatement().execute(first);
			var writing = CompletableFuture.supplyAsync(() -> {
				try {
					two.createStatement().execute(second);
					two.commit();
					return null;
				}
				catch (SQLException ex) {
					return ex;
				}
			});
			LockWaits.awaitBlocked(jdbc, second);
			one.commit();
			var refusal = writing.get(10, TimeUnit.SECONDS);
			assertThat((Throwable) refusal).as("the second writer was refused").isNotNull();
			two.rollback();
			return violatedConstraint(refusal);
		}
	}

	private static String violatedConstraint(Throwable thrown) {
		for (var cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
				return psql.getServerErrorMessage().getConstraint();
			}
		}
		throw new AssertionError("not refused by PostgreSQL", thrown);
	}
}

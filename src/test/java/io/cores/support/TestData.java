package io.cores.support;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

import io.cores.identity.internal.TokenKeys;

/**
 * Small builders for test rows, written straight to the tables. Names carry a per-builder
 * prefix ({@link #prefix()}) so a test can filter to exactly its own rows in a shared database.
 */
public final class TestData {

	private static final AtomicLong MACS = new AtomicLong(0x00_1b_21_00_00_00L);
	private static final AtomicLong NETS = new AtomicLong(1);

	private final JdbcTemplate jdbc;
	private final String prefix;

	public TestData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** What every name this builder makes starts with; a valid DNS label. */
	public String prefix() {
		return prefix;
	}

	public String name(String suffix) {
		return prefix + "-" + suffix;
	}

	public long building(String name) {
		return insert("INSERT INTO building (name, address) VALUES (?, 'Main street 1') RETURNING id", name(name));
	}

	public long lab(long building, String name) {
		return insert("INSERT INTO lab (building_id, name) VALUES (?, ?) RETURNING id", building, name(name));
	}

	/** A fresh 172.16-31.x.0/24 block (demo data uses 10/8), added to the lab's subnets. */
	public String subnet(long lab) {
		var cidr = subnet();
		jdbc.update("INSERT INTO lab_subnet (lab_id, subnet) VALUES (?, ?::cidr)", lab, cidr);
		return cidr;
	}

	/** A fresh 172.16-31.x.0/24 block, in no lab yet. */
	public String subnet() {
		long n = NETS.getAndIncrement();
		return "172." + (16 + n / 256) + "." + (n % 256) + ".0/24";
	}

	public long rack(long lab, String name, boolean isDefault) {
		return insert("INSERT INTO rack (lab_id, name, is_default) VALUES (?, ?, ?) RETURNING id", lab, name(name), isDefault);
	}

	/** A host in {@code status}; one ON_LOAN goes back to ACTIVE, as if it had been lent while active. */
	public long host(String hostname, Long rack, String status) {
		return insert("""
				INSERT INTO host (hostname, rack_id, status, status_before_loan)
				VALUES (?, ?, ?, CASE WHEN ? = 'ON_LOAN' THEN 'ACTIVE' END) RETURNING id""", name(hostname), rack,
				status, status);
	}

	public String mac() {
		long value = MACS.incrementAndGet();
		var hex = String.format("%012x", value);
		return hex.replaceAll("(..)(?!$)", "$1:");
	}

	public long nic(Long host, String mac, String ip, boolean primary, OffsetDateTime lastSeen) {
		return insert("INSERT INTO nic (host_id, mac, ip, is_primary, last_seen) VALUES (?, ?::macaddr, ?::inet, ?, ?) RETURNING id",
				host, mac, ip, primary, lastSeen);
	}

	public long bookable(long host, String status) {
		return insert("INSERT INTO bookable (host_id, status) VALUES (?, ?) RETURNING id", host, status);
	}

	public long user(String username) {
		return insert("INSERT INTO app_user (username, email) VALUES (?, ?) RETURNING id", name(username),
				name(username) + "@example.net");
	}

	public long booking(long bookable, long owner, OffsetDateTime start, OffsetDateTime end) {
		return insert("INSERT INTO hold (kind, bookable_id, owner_id, starts_at, ends_at) VALUES ('BOOKING', ?, ?, ?, ?) RETURNING id",
				bookable, owner, start, end);
	}

	public long reservation(long bookable, long owner, OffsetDateTime start, OffsetDateTime end) {
		return insert("INSERT INTO hold (kind, bookable_id, owner_id, starts_at, ends_at) VALUES ('RESERVATION', ?, ?, ?, ?) RETURNING id",
				bookable, owner, start, end);
	}

	public long tag(String name) {
		return insert("INSERT INTO tag (name, slug) VALUES (?, ?) RETURNING id", name(name), name(name).toLowerCase());
	}

	public void tagObject(long tag, String objectType, long objectId) {
		jdbc.update("INSERT INTO tagged_item (tag_id, object_type, object_id) VALUES (?, ?, ?)", tag, objectType, objectId);
	}

	public long card(long host, String cardTypeName) {
		long type = insert("INSERT INTO card_type (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id",
				name(cardTypeName));
		return insert("INSERT INTO card (card_type_id, host_id, serial) VALUES (?, ?, ?) RETURNING id", type, host,
				name("serial"));
	}

	/** A user with this role and an API token for it; returns the token's key. */
	public String tokenFor(String username, String role) {
		long user = insert("INSERT INTO app_user (username, email, role) VALUES (?, ?, ?) RETURNING id", name(username),
				name(username) + "@example.net", role.equals("AGENT") ? "USER" : role);
		return token(user, role, false, true, null);
	}

	/** An API token on an existing user; returns its key. */
	public String token(long user, String role, boolean readOnly, boolean enabled, OffsetDateTime expiresAt) {
		var key = TokenKeys.generate();
		insert("INSERT INTO api_token (key_hash, key_prefix, owner_id, role, read_only, enabled, expires_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", TokenKeys.hash(key), TokenKeys.shownPrefix(key), user, role,
				readOnly, enabled, expiresAt);
		return key;
	}

	public long userId(String username) {
		return jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, name(username));
	}

	public long insert(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}
}

package io.cores.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.cores.demo.DemoModel.Host;
import io.cores.demo.DemoModel.Named;
import io.cores.demo.DemoModel.Row;
import io.cores.platform.persistence.Json;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads the demo lab into an empty database: generates it in memory with
 * {@link DemoModel} and writes it with plain JDBC in one transaction, the large tables
 * with PostgreSQL {@code COPY}. Needs no Spring: {@code new DemoData(dataSource, seed).load(hosts)}.
 * <p>
 * "Empty" means no hosts. The check runs inside the loading transaction under an advisory
 * lock, so instances starting together against one database load the data once.
 * Small named rows (users, groups, projects, catalogs, tags, the agent) that already exist
 * are reused rather than duplicated.
 */
public final class DemoData {

	/** The seed the application uses: the same lab on every fresh database. */
	public static final long DEFAULT_SEED = 20_240_601L;

	private static final long LOCK_KEY = 0x636f7265735f646dL; // "cores_dm"
	private static final int VALUES_PER_STATEMENT = 500;

	private final DataSource dataSource;
	private final long seed;
	private final Clock clock;

	public DemoData(DataSource dataSource, long seed) {
		this(dataSource, seed, Clock.systemUTC());
	}

	public DemoData(DataSource dataSource, long seed, Clock clock) {
		this.dataSource = dataSource;
		this.seed = seed;
		this.clock = clock;
	}

	/**
	 * Loads a lab of {@code hosts} hosts, unless the database already has hosts.
	 *
	 * @return what was written, or {@link Summary#loaded()} false when nothing was
	 */
	public Summary load(int hosts) throws SQLException {
		if (hosts <= 0) {
			throw new IllegalArgumentException("hosts must be positive, was " + hosts);
		}
		long started = System.nanoTime();
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				try (Statement statement = connection.createStatement()) {
					statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
					// a lost commit only means loading again on the next start
					statement.execute("SET LOCAL synchronous_commit TO off");
					try (var rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM host)")) {
						rs.next();
						if (rs.getBoolean(1)) {
							connection.rollback();
							return new Summary(false, Map.of(), List.of(), Duration.ofNanos(System.nanoTime() - started));
						}
					}
				}
				var model = DemoModel.generate(hosts, seed, clock.instant());
				var counts = new Writer(connection, model).write();
				connection.commit();
				return new Summary(true, counts, model.scans, Duration.ofNanos(System.nanoTime() - started));
			}
			catch (SQLException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
	}

	/**
	 * What a load wrote.
	 *
	 * @param loaded false when the database already had hosts and nothing was written
	 * @param counts rows written, by table (holds split into bookings and reservations)
	 * @param scans  the scans to post through the ingest now that the lab is there ({@link DemoScans})
	 * @param took   how long the load took, generation included
	 */
	public record Summary(boolean loaded, Map<String, Long> counts, List<DemoScan> scans, Duration took) {

		public long count(String what) {
			return counts.getOrDefault(what, 0L);
		}

		/** One line for the log: the counts and the time taken. */
		public String describe() {
			if (!loaded) {
				return "demo data not loaded: the database already has hosts";
			}
			return String.format("demo data loaded in %.1f s: %s", took.toMillis() / 1000.0,
					counts.entrySet().stream().map(e -> counted(e.getValue(), e.getKey())).collect(Collectors.joining(", ")));
		}

		/** "2 mails", and for one row the noun in the singular: "1 mail", "1 journal entry". */
		static String counted(long count, String plural) {
			if (count != 1) {
				return count + " " + plural;
			}
			if (plural.endsWith("ies")) {
				return "1 " + plural.substring(0, plural.length() - 3) + "y";
			}
			return "1 " + (plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural);
		}
	}

	/** Writes one model over one connection, in dependency order. */
	private static final class Writer {

		private final Connection connection;
		private final CopyManager copy;
		private final DemoModel m;
		private final Map<String, Long> counts = new LinkedHashMap<>();

		Writer(Connection connection, DemoModel model) throws SQLException {
			this.connection = connection;
			this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
			this.m = model;
		}

		Map<String, Long> write() throws SQLException {
			catalogs();
			identity();
			places();
			hostsAndNics();
			booking();
			notices();
			loans();
			jobs();
			audit();
			return counts;
		}

		private void catalogs() throws SQLException {
			named("hd_vendor", m.hdVendors);
			named("host_build", m.builds);
			named("host_hardware", m.hardware);
			named("host_type", m.hostTypes);
			named("card_type", m.cardTypes);
		}

		private void named(String table, List<Named> rows) throws SQLException {
			insertNamed(table, "name", rows, r -> r.name, new String[] { "name", "description" },
					r -> new Object[] { r.name, r.description });
		}

		private void identity() throws SQLException {
			counts.put("users", insertNamed("app_user", "username", m.users, u -> u.username,
					new String[] { "username", "email", "display_name", "active", "role", "created_at", "updated_at" },
					u -> new Object[] { u.username, u.email, u.displayName, u.active, u.role, u.createdAt, u.createdAt }));
			counts.put("groups", insertNamed("user_group", "name", m.groups, g -> g.name,
					new String[] { "name", "role", "created_at", "updated_at" },
					g -> new Object[] { g.name, g.role, g.createdAt, g.createdAt }));
			List<Object[]> memberships = new ArrayList<>();
			for (var ms : m.memberships) {
				var at = ms.user().createdAt;
				memberships.add(new Object[] { ms.user().id, ms.group().id, at, at });
			}
			counts.put("group memberships", insert("group_membership",
					new String[] { "user_id", "group_id", "created_at", "updated_at" }, memberships));
			try (var out = CopyWriter.open(copy, "api_token", "key_hash", "key_prefix", "owner_id", "comment", "enabled",
					"read_only", "role", "expires_at", "last_used_at", "created_at", "updated_at")) {
				for (var t : m.tokens) {
					// a fresh random key, hashed and forgotten: the demo tokens can never be used
					var key = unknowableKey();
					out.row(sha256(key), key.substring(0, 10), t.owner().id, t.comment(), true, t.readOnly(), t.role(),
							t.expiresAt(), t.lastUsedAt(), t.createdAt(), t.lastUsedAt());
				}
				counts.put("tokens", out.finish());
			}
			insertNamed("agent", "name", m.agents, a -> a.name,
					new String[] { "name", "metadata::jsonb", "registered_at", "created_at", "updated_at" },
					a -> new Object[] { a.name, a.metadata, a.registeredAt, a.registeredAt, a.registeredAt });
		}

		private void places() throws SQLException {
			reserveIds("building", m.buildings);
			try (var out = CopyWriter.open(copy, "building", "id", "name", "address", "comment", "created_at", "updated_at")) {
				for (var b : m.buildings) {
					out.row(b.id, b.name, b.address, b.comment, b.createdAt, b.createdAt);
				}
				counts.put("buildings", out.finish());
			}
			reserveIds("lab", m.labs);
			try (var out = CopyWriter.open(copy, "lab", "id", "name", "building_id", "comment", "created_at", "updated_at")) {
				for (var lab : m.labs) {
					out.row(lab.id, lab.name, lab.building.id, lab.comment, lab.createdAt, lab.createdAt);
				}
				counts.put("labs", out.finish());
			}
			try (var out = CopyWriter.open(copy, "lab_subnet", "lab_id", "subnet")) {
				for (var lab : m.labs) {
					for (var subnet : lab.subnets) {
						out.row(lab.id, subnet.cidr());
					}
				}
				counts.put("subnets", out.finish());
			}
			reserveIds("rack", m.racks);
			try (var out = CopyWriter.open(copy, "rack", "id", "name", "lab_id", "is_default", "created_at", "updated_at")) {
				for (var r : m.racks) {
					out.row(r.id, r.name, r.lab.id, r.isDefault, r.createdAt, r.createdAt);
				}
				counts.put("racks", out.finish());
			}
		}

		private void hostsAndNics() throws SQLException {
			reserveIds("host", m.hosts);
			// hypervisors must exist before their VMs (a trigger checks), so two passes
			long hosts = copyHosts(false) + copyHosts(true);
			counts.put("hosts", hosts);

			List<DemoModel.Nic> nics = m.hosts.stream().flatMap(h -> h.nics.stream()).toList();
			reserveIds("nic", nics);
			// each row fires nic_refresh_host, which derives the host's ip and last_seen
			try (var out = CopyWriter.open(copy, "nic", "id", "mac", "ip", "last_seen", "host_id", "is_primary", "role",
					"created_at", "updated_at")) {
				for (var n : nics) {
					out.row(n.id, n.mac, n.ip, n.lastSeen, n.host.id, n.primary, n.role, n.host.createdAt,
							n.lastSeen != null ? n.lastSeen : n.host.createdAt);
				}
				counts.put("NICs", out.finish());
			}
			try (var out = CopyWriter.open(copy, "card", "card_type_id", "serial", "asset_number", "host_id", "comment",
					"created_at", "updated_at")) {
				for (var c : m.cards) {
					out.row(c.type.id, c.serial, c.assetNumber, c.host == null ? null : c.host.id, c.comment, c.createdAt,
							c.createdAt);
				}
				counts.put("cards", out.finish());
			}
		}

		private long copyHosts(boolean vms) throws SQLException {
			try (var out = CopyWriter.open(copy, "host", "id", "hostname", "serial", "asset_number", "hd_vendor_id",
					"hardware_id", "rack_id", "type_id", "build_id", "vm_host_id", "hypervisor", "status", "status_before_loan",
					"comment", "created_at", "updated_at")) {
				for (var h : m.hosts) {
					if ((h.vmHost != null) != vms) {
						continue;
					}
					out.row(h.id, h.hostname, h.serial, h.assetNumber, id(h.hdVendor), id(h.hardware), id(h.rack),
							id(h.type), id(h.build), id(h.vmHost), h.hypervisor, h.status, h.statusBeforeLoan, h.comment, h.createdAt,
							h.suspendedAt != null ? h.suspendedAt : h.createdAt);
				}
				return out.finish();
			}
		}

		private void booking() throws SQLException {
			counts.put("projects", insertNamed("project", "name", m.projects, p -> p.name,
					new String[] { "name", "description", "created_at", "updated_at" },
					p -> new Object[] { p.name, p.description, p.createdAt, p.createdAt }));

			long[] ids = nextIds("bookable", m.hosts.size());
			for (int i = 0; i < ids.length; i++) {
				m.hosts.get(i).bookableId = ids[i];
			}
			try (var out = CopyWriter.open(copy, "bookable", "id", "host_id", "status", "comment", "created_at",
					"updated_at")) {
				for (var h : m.hosts) {
					String comment = switch (h.status) {
						case "ON_LOAN" -> "Suspended while the host is on loan";
						case "INACTIVE" -> "Suspended: host inactive";
						default -> null;
					};
					var created = h.createdAt.plus(Duration.ofHours(1));
					out.row(h.bookableId, h.id, h.bookableStatus, comment, created,
							h.suspendedAt != null ? h.suspendedAt : created);
				}
				counts.put("bookables", out.finish());
			}
			try (var out = CopyWriter.open(copy, "hold", "kind", "bookable_id", "owner_id", "project_id", "starts_at",
					"ends_at", "comment", "cancelled_at", "created_at", "updated_at")) {
				for (var h : m.holds) {
					out.row(h.kind, h.host.bookableId, h.owner.id, id(h.project), h.startsAt, h.endsAt, h.comment,
							h.cancelledAt, h.createdAt, h.updatedAt());
				}
				out.finish();
			}
			counts.put("bookings", (long) m.bookingCount());
			counts.put("reservations", (long) m.reservationCount());
		}

		private void notices() throws SQLException {
			try (var out = CopyWriter.open(copy, "notice", "title", "body", "target_group_id", "style", "priority",
					"expires_at", "created_at", "updated_at")) {
				for (var n : m.notices) {
					out.row(n.title(), n.body(), id(n.target()), n.style(), n.priority(), n.expiresAt(), n.createdAt(),
							n.createdAt());
				}
				counts.put("notices", out.finish());
			}
		}

		private void loans() throws SQLException {
			try (var out = CopyWriter.open(copy, "loan", "host_id", "borrower", "contact_email", "starts_at", "due_at",
					"returned_at", "comment", "created_at", "updated_at")) {
				for (var l : m.loans) {
					out.row(l.host().id, l.borrower(), l.contactEmail(), l.startsAt(), l.dueAt(), l.returnedAt(),
							l.comment(), l.startsAt(),
							l.returnedAt() != null ? l.returnedAt() : l.startsAt());
				}
				counts.put("loans", out.finish());
			}
		}

		private void jobs() throws SQLException {
			long[] jobIds = nextIds("job", m.jobs.size());
			try (var out = CopyWriter.open(copy, "job", "id", "name", "status", "interval_minutes", "scheduled_at", "started_at",
					"completed_at", "data", "error", "slot", "instance", "created_at", "updated_at")) {
				int i = 0;
				for (var j : m.jobs) {
					long id = jobIds[i++];
					var created = j.scheduledAt().minus(Duration.ofDays(1));
					out.row(id++, j.name(), j.status(), j.intervalMinutes(), j.scheduledAt(), j.startedAt(), j.completedAt(),
							j.data(), j.error(), j.scheduledAt(), j.startedAt() == null ? null : "demo", created,
							j.completedAt() != null ? j.completedAt() : created);
				}
				counts.put("job runs", out.finish());
			}
			try (var out = CopyWriter.open(copy, "job_log_line", "job_id", "seq", "at", "level", "message")) {
				for (int i = 0; i < jobIds.length; i++) {
					int seq = 1;
					for (var line : m.jobs.get(i).log()) {
						out.row(jobIds[i], seq++, line.at(), line.level(), line.message());
					}
				}
				counts.put("job log lines", out.finish());
			}
			try (var out = CopyWriter.open(copy, "mail_outbox", "kind", "subject_key", "day", "recipient", "subject", "body",
					"job_id", "sent_at", "attempts", "created_at", "updated_at")) {
				for (var mail : m.mails) {
					long jobId = 0;
					for (int i = 0; i < m.jobs.size(); i++) {
						if (m.jobs.get(i) == mail.job()) {
							jobId = jobIds[i];
						}
					}
					out.row(mail.kind(), Long.toString(mail.owner().id), mail.day(), mail.owner().email, mail.subject(),
							mail.body(), jobId, mail.sentAt(), 1, mail.job().startedAt(), mail.sentAt());
				}
				counts.put("mails", out.finish());
			}
		}

		private void audit() throws SQLException {
			insertNamed("tag", "name", m.tags, t -> t.name, new String[] { "name", "slug", "color", "description" },
					t -> new Object[] { t.name, t.slug, t.color, t.description });
			try (var out = CopyWriter.open(copy, "tagged_item", "tag_id", "object_type", "object_id")) {
				for (var t : m.taggings) {
					long objectId = t.objectType().equals("Bookable") ? ((Host) t.object()).bookableId : t.object().id;
					out.row(t.tag().id, t.objectType(), objectId);
				}
				counts.put("tagged items", out.finish());
			}
			try (var out = CopyWriter.open(copy, "journal_entry", "object_type", "object_id", "author_id", "kind",
					"comments", "created_at", "updated_at")) {
				for (var j : m.journal) {
					out.row("Host", j.host().id, j.author().id, j.kind(), j.comments(), j.createdAt(), j.createdAt());
				}
				counts.put("journal entries", out.finish());
			}
			// the change log: every host's creation, by the first admin
			var admin = m.users.get(0);
			try (var out = CopyWriter.open(copy, "object_change", "user_id", "user_name", "request_id", "action",
					"object_type", "object_id", "object_repr", "data_after", "created_at", "updated_at")) {
				for (int i = 0; i < m.hosts.size(); i++) {
					var h = m.hosts.get(i);
					var after = new LinkedHashMap<String, Object>();
					after.put("hostname", h.hostname);
					after.put("status", h.status.equals("ON_LOAN") ? "ACTIVE" : h.status); // the loan came later
					after.put("rackId", h.rack == null ? null : h.rack.id);
					after.put("vmHostId", h.vmHost == null ? null : h.vmHost.id);
					out.row(admin.id, admin.username, m.hostRequestIds.get(i), "CREATE", "Host", h.id, h.hostname,
							Json.write(after), h.createdAt, h.createdAt);
				}
				counts.put("changes", out.finish());
			}
		}

		// ---- helpers ----

		private static String unknowableKey() {
			var bytes = new byte[30];
			new SecureRandom().nextBytes(bytes);
			return "cores_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}

		private static String sha256(String text) {
			try {
				return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
		}

		private static Long id(Row row) {
			return row == null ? null : row.id;
		}

		private long[] nextIds(String table, int count) throws SQLException {
			long[] ids = new long[count];
			try (PreparedStatement ps = connection.prepareStatement(
					"SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)")) {
				ps.setString(1, table);
				ps.setInt(2, count);
				try (var rs = ps.executeQuery()) {
					for (int i = 0; i < count; i++) {
						rs.next();
						ids[i] = rs.getLong(1);
					}
				}
			}
			return ids;
		}

		private void reserveIds(String table, List<? extends Row> rows) throws SQLException {
			long[] ids = nextIds(table, rows.size());
			for (int i = 0; i < ids.length; i++) {
				rows.get(i).id = ids[i];
			}
		}

		/**
		 * Inserts rows keyed by a unique name, leaving existing ones alone, then reads every
		 * row's id back by that name.
		 */
		private <T extends Row> long insertNamed(String table, String key, List<T> rows, Function<T, String> keyOf,
				String[] columns, Function<T, Object[]> values) throws SQLException {
			long inserted = insert(table, columns, rows.stream().map(values).toList());
			Map<String, Long> ids = new HashMap<>();
			try (PreparedStatement ps = connection.prepareStatement(
					"SELECT id, " + key + " FROM " + table + " WHERE " + key + " = ANY (?)")) {
				ps.setArray(1, connection.createArrayOf("text", rows.stream().map(keyOf).toArray()));
				try (var rs = ps.executeQuery()) {
					while (rs.next()) {
						ids.put(rs.getString(2), rs.getLong(1));
					}
				}
			}
			for (var row : rows) {
				Long id = ids.get(keyOf.apply(row));
				if (id == null) {
					throw new IllegalStateException(table + " '" + keyOf.apply(row) + "' could not be created");
				}
				row.id = id;
			}
			return inserted;
		}

		/**
		 * Multi-row {@code INSERT ... ON CONFLICT DO NOTHING} for the small tables. A column
		 * may name a cast, as in {@code metadata::jsonb}.
		 */
		private long insert(String table, String[] columns, List<Object[]> rows) throws SQLException {
			var names = new String[columns.length];
			var placeholders = new String[columns.length];
			for (int i = 0; i < columns.length; i++) {
				int cast = columns[i].indexOf("::");
				names[i] = cast < 0 ? columns[i] : columns[i].substring(0, cast);
				placeholders[i] = cast < 0 ? "?" : "?" + columns[i].substring(cast);
			}
			var tuple = "(" + String.join(", ", placeholders) + ")";
			long inserted = 0;
			for (int from = 0; from < rows.size(); from += VALUES_PER_STATEMENT) {
				var chunk = rows.subList(from, Math.min(rows.size(), from + VALUES_PER_STATEMENT));
				var sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES "
						+ String.join(", ", Collections.nCopies(chunk.size(), tuple)) + " ON CONFLICT DO NOTHING";
				try (PreparedStatement ps = connection.prepareStatement(sql)) {
					int p = 1;
					for (var row : chunk) {
						for (var value : row) {
							ps.setObject(p++, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
						}
					}
					inserted += ps.executeUpdate();
				}
			}
			return inserted;
		}
	}
}

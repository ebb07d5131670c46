package io.cores.live.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.cores.live.ScanConflictKind;
import io.cores.live.ScanConflictStatus;

/**
 * What an ingest reads, each in one statement for the whole scan, however many results it has.
 * The NICs, hosts, racks and lab subnets are the inventory's tables, read here in SQL: the
 * inventory module listens to this module's events, so this one may not use its Java types
 * (Spring Modulith refuses the cycle), and a set-based read is what a scan of tens of
 * thousands of results needs anyway.
 */
@Component
public class ScanReads {

	private final JdbcTemplate jdbc;

	ScanReads(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The NICs with these MACs or keys, each with its host's status and its rack's lab. */
	public NicsFound nics(Collection<String> macs, Collection<Long> ids) {
		var found = new NicsFound();
		if (macs.isEmpty() && ids.isEmpty()) {
			return found;
		}
		var hosts = new HashMap<Long, ScannedNic.Host>();
		jdbc.query(con -> {
			var statement = con.prepareStatement("""
					SELECT n.id, n.mac::text AS mac, host(n.ip) AS ip, n.host_id, h.status, h.rack_id, r.lab_id
					FROM nic n LEFT JOIN host h ON h.id = n.host_id LEFT JOIN rack r ON r.id = h.rack_id
					WHERE n.mac = ANY (?::macaddr[]) OR n.id = ANY (?::bigint[])""");
			statement.setArray(1, array(con, "text", macs));
			statement.setArray(2, array(con, "bigint", ids));
			return statement;
		}, rs -> {
			var hostId = number(rs, "host_id");
			var host = hostId == null ? null : hosts.get(hostId);
			if (hostId != null && host == null) {
				host = new ScannedNic.Host(hostId, rs.getString("status"), number(rs, "rack_id"), number(rs, "lab_id"));
				hosts.put(hostId, host);
			}
			var nic = new ScannedNic(rs.getLong("id"), rs.getString("mac"), rs.getString("ip"), host);
			found.byMac.put(nic.mac, nic);
			found.byId.put(nic.id, nic);
		});
		return found;
	}

	/** For each ip as given: its canonical text, and the lab whose subnet holds it with the lab's default rack. */
	public Map<String, IpPlace> places(Collection<String> ips) {
		var places = new HashMap<String, IpPlace>();
		if (ips.isEmpty()) {
			return places;
		}
		jdbc.query(con -> {
			var statement = con.prepareStatement("""
					SELECT x.given, host(x.given::inet) AS ip, s.lab_id, d.id AS default_rack
					FROM unnest(?::text[]) AS x(given)
					LEFT JOIN lab_subnet s ON s.subnet >>= x.given::inet
					LEFT JOIN rack d ON d.lab_id = s.lab_id AND d.is_default""");
			statement.setArray(1, array(con, "text", ips));
			return statement;
		}, rs -> {
			places.put(rs.getString("given"), new IpPlace(rs.getString("ip"), number(rs, "lab_id"), number(rs, "default_rack")));
		});
		return places;
	}

	/** The open (NEW or IGNORED) conflicts about these NICs, hosts and MACs. */
	public List<Finding> openConflicts(Collection<Long> nicIds, Collection<Long> hostIds, Collection<String> macs) {
		if (nicIds.isEmpty() && hostIds.isEmpty() && macs.isEmpty()) {
			return List.of();
		}
		return jdbc.query(con -> {
			var statement = con.prepareStatement("""
					SELECT id, kind, status, nic_id, host_id, host(recorded_ip) AS recorded_ip, host(ip) AS ip, mac::text AS mac,
					       current_lab_id, suggested_lab_id
					FROM scan_conflict
					WHERE status IN ('NEW', 'IGNORED')
					  AND ((kind = 'NIC' AND nic_id = ANY (?::bigint[])) OR (kind = 'LOCATION' AND host_id = ANY (?::bigint[]))
					       OR (kind = 'UNKNOWN' AND mac = ANY (?::macaddr[])))""");
			statement.setArray(1, array(con, "bigint", nicIds));
			statement.setArray(2, array(con, "bigint", hostIds));
			statement.setArray(3, array(con, "text", macs));
			return statement;
		}, (rs, row) -> {
			var finding = new Finding(rs.getLong("id"), -1, ScanConflictKind.valueOf(rs.getString("kind")),
					number(rs, "nic_id"), number(rs, "host_id"), rs.getString("recorded_ip"), rs.getString("ip"),
					rs.getString("mac"), number(rs, "current_lab_id"), number(rs, "suggested_lab_id"));
			finding.status = ScanConflictStatus.valueOf(rs.getString("status"));
			return finding;
		});
	}

	/** Whether this agent has a session with this timestamp already. */
	public boolean sessionExists(String agent, OffsetDateTime scannedAt) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM scan_session WHERE agent = ? AND scanned_at = ?)", Boolean.class, agent,
				scannedAt));
	}

	/** A lab's name and its default rack (null when it has none); null when there is no such lab. */
	public LabRack labAndDefaultRack(long labId) {
		return jdbc.query("""
				SELECT l.name, r.id AS rack_id FROM lab l LEFT JOIN rack r ON r.lab_id = l.id AND r.is_default
				WHERE l.id = ?""", rs -> rs.next() ? new LabRack(rs.getString("name"), number(rs, "rack_id")) : null, labId);
	}

	public record LabRack(String labName, Long defaultRack) {
	}

	/** Whether a NIC has this MAC. */
	public boolean nicWithMacExists(String mac) {
		return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM nic WHERE mac = ?::macaddr)",
				Boolean.class, mac));
	}

	public boolean hostExists(long hostId) {
		return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM host WHERE id = ?)", Boolean.class,
				hostId));
	}

	static Array array(Connection con, String type, Collection<?> values) throws SQLException {
		return con.createArrayOf(type, values.toArray());
	}

	private static Long number(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/** The NICs found, by MAC and by key. */
	public static final class NicsFound {

		final Map<String, ScannedNic> byMac = new HashMap<>();
		final Map<Long, ScannedNic> byId = new HashMap<>();

		/** The hosts of the NICs found. */
		public List<Long> hostIds() {
			return byId.values().stream().filter(n -> n.host != null).map(n -> n.host.id).distinct().toList();
		}

		public List<Long> nicIds() {
			return List.copyOf(byId.keySet());
		}

		public boolean hasMac(String mac) {
			return byMac.containsKey(mac);
		}
	}
}

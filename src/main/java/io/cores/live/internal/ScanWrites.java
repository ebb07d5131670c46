package io.cores.live.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an ingest writes to this module's tables, each in one statement for the whole scan
 * (the new conflicts in two: their keys, then the rows).
 */
@Component
public class ScanWrites {


	private final JdbcTemplate jdbc;

	ScanWrites(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Waits for any other ingest to commit; held until this transaction ends. */
	public void takeTurn() {
		// ingests take turns: each sees the conflicts the one before it committed, so none is raised twice
		jdbc.execute("SELECT pg_advisory_xact_lock(hashtext('cores.scan-ingest'))");
	}

	public void supersede(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.update(con -> {
			var statement = con.prepareStatement("""
					UPDATE scan_conflict SET status = 'SUPERSEDED', version = version + 1
					WHERE id = ANY (?::bigint[]) AND status IN ('NEW', 'IGNORED')""");
			statement.setArray(1, ScanReads.array(con, "bigint", ids));
			return statement;
		});
	}

	/** Inserts the findings as conflicts of the session, setting each one's id. */
	public void insert(long sessionId, List<Finding> findings) {
		if (findings.isEmpty()) {
			return;
		}
		var ids = jdbc.queryForList("SELECT nextval(pg_get_serial_sequence('scan_conflict', 'id')) FROM generate_series(1, ?)",
				Long.class, findings.size());
		for (int i = 0; i < findings.size(); i++) {
			findings.get(i).id = ids.get(i);
		}
		var kinds = new ArrayList<String>();
		var statuses = new ArrayList<String>();
		var nics = new ArrayList<Long>();
		var hosts = new ArrayList<Long>();
		var recorded = new ArrayList<String>();
		var ips = new ArrayList<String>();
		var macs = new ArrayList<String>();
		var currentLabs = new ArrayList<Long>();
		var suggestedLabs = new ArrayList<Long>();
		for (var finding : findings) {
			kinds.add(finding.kind.name());
			statuses.add(finding.status.name());
			nics.add(finding.nicId);
			hosts.add(finding.hostId);
			recorded.add(finding.recordedIp);
			ips.add(finding.ip);
			macs.add(finding.mac);
			currentLabs.add(finding.currentLabId);
			suggestedLabs.add(finding.suggestedLabId);
		}
		jdbc.update(con -> {
			var statement = con.prepareStatement("""
					INSERT INTO scan_conflict (id, kind, status, session_id, nic_id, host_id, recorded_ip, ip, mac,
					                           current_lab_id, suggested_lab_id)
					SELECT c.id, c.kind, c.status, ?, c.nic_id, c.host_id, c.recorded_ip::inet, c.ip::inet, c.mac::macaddr,
					       c.current_lab_id, c.suggested_lab_id
					FROM unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[],
					            ?::bigint[], ?::bigint[])
					     AS c(id, kind, status, nic_id, host_id, recorded_ip, ip, mac, current_lab_id, suggested_lab_id)""");
			statement.setLong(1, sessionId);
			statement.setArray(2, ScanReads.array(con, "bigint", ids));
			statement.setArray(3, ScanReads.array(con, "text", kinds));
			statement.setArray(4, ScanReads.array(con, "text", statuses));
			statement.setArray(5, ScanReads.array(con, "bigint", nics));
			statement.setArray(6, ScanReads.array(con, "bigint", hosts));
			statement.setArray(7, ScanReads.array(con, "text", recorded));
			statement.setArray(8, ScanReads.array(con, "text", ips));
			statement.setArray(9, ScanReads.array(con, "text", macs));
			statement.setArray(10, ScanReads.array(con, "bigint", currentLabs));
			statement.setArray(11, ScanReads.array(con, "bigint", suggestedLabs));
			return statement;
		});
	}

	/**
	 * Records each virtual MAC's sighting. A scan arriving late widens the seen range but does
	 * not replace a newer sighting's ip and agent.
	 */
	public void sightVirtualHosts(Map<String, String> ipByMac, String agent, OffsetDateTime seenAt) {
		if (ipByMac.isEmpty()) {
			return;
		}
		jdbc.update(con -> {
			var statement = con.prepareStatement("""
					INSERT INTO virtual_host_scan AS v (mac, ip, agent, first_seen, last_seen)
					SELECT x.mac::macaddr, x.ip::inet, ?, ?, ? FROM unnest(?::text[], ?::text[]) AS x(mac, ip)
					ON CONFLICT (mac) DO UPDATE SET
					    ip = CASE WHEN EXCLUDED.last_seen >= v.last_seen THEN EXCLUDED.ip ELSE v.ip END,
					    agent = CASE WHEN EXCLUDED.last_seen >= v.last_seen THEN EXCLUDED.agent ELSE v.agent END,
					    first_seen = least(v.first_seen, EXCLUDED.first_seen),
					    last_seen = greatest(v.last_seen, EXCLUDED.last_seen),
					    version = v.version + 1""");
			statement.setString(1, agent);
			statement.setObject(2, seenAt);
			statement.setObject(3, seenAt);
			statement.setArray(4, ScanReads.array(con, "text", ipByMac.keySet()));
			statement.setArray(5, ScanReads.array(con, "text", ipByMac.values()));
			return statement;
		});
	}
}

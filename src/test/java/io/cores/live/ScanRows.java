package io.cores.live;

import java.time.OffsetDateTime;

import io.cores.support.TestData;

/** Scan sessions and conflicts written straight to the live tables, as an ingest would leave them. */
final class ScanRows {

	private final TestData data;

	ScanRows(TestData data) {
		this.data = data;
	}

	/** A processed session of agent {@code data.name(agent)}; the counts are entries, matched, ipUpdated, conflictsCreated, conflictsSuperseded, unknown, virtual. */
	long session(String agent, OffsetDateTime scannedAt, String rawResults, String responses, int... counts) {
		return data.insert("""
				INSERT INTO scan_session (agent, scanned_at, raw_results, responses, processed, entries, matched, ip_updated,
				    conflicts_created, conflicts_superseded, unknown, virtual, duration_ms)
				VALUES (?, ?, ?::jsonb, ?::jsonb, true, ?, ?, ?, ?, ?, ?, ?, 42) RETURNING id""", data.name(agent), scannedAt,
				rawResults, responses, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]);
	}

	long session(String agent, OffsetDateTime scannedAt) {
		return session(agent, scannedAt, "[]", "[]", 0, 0, 0, 0, 0, 0, 0);
	}

	long nicConflict(long session, long nic, Long host, String recordedIp, String ip, String status) {
		return data.insert("""
				INSERT INTO scan_conflict (kind, status, session_id, nic_id, host_id, recorded_ip, ip)
				VALUES ('NIC', ?, ?, ?, ?, ?::inet, ?::inet) RETURNING id""", status, session, nic, host, recordedIp, ip);
	}

	long locationConflict(long session, long host, Long nic, String ip, Long currentLab, Long suggestedLab, String status) {
		return data.insert("""
				INSERT INTO scan_conflict (kind, status, session_id, host_id, nic_id, ip, current_lab_id, suggested_lab_id)
				VALUES ('LOCATION', ?, ?, ?, ?, ?::inet, ?, ?) RETURNING id""", status, session, host, nic, ip, currentLab,
				suggestedLab);
	}

	long unknownConflict(long session, String mac, String ip, String status) {
		return data.insert("""
				INSERT INTO scan_conflict (kind, status, session_id, mac, ip)
				VALUES ('UNKNOWN', ?, ?, ?::macaddr, ?::inet) RETURNING id""", status, session, mac, ip);
	}

	long agent(String name) {
		return data.insert("INSERT INTO agent (name, metadata) VALUES (?, '{\"version\": \"1.4\"}'::jsonb) RETURNING id",
				data.name(name));
	}

	void registerSession(long session, long agent) {
		data.insert("UPDATE scan_session SET agent_id = ? WHERE id = ? RETURNING id", agent, session);
	}

	long virtualHost(String mac, String ip, String agent, OffsetDateTime firstSeen, OffsetDateTime lastSeen) {
		return data.insert("""
				INSERT INTO virtual_host_scan (mac, ip, agent, first_seen, last_seen)
				VALUES (?::macaddr, ?::inet, ?, ?, ?) RETURNING id""", mac, ip, data.name(agent), firstSeen, lastSeen);
	}
}

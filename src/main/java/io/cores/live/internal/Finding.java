package io.cores.live.internal;

import java.util.Objects;

import io.cores.platform.graphql.GlobalId;

import io.cores.live.ScanConflict;
import io.cores.live.ScanConflictFinding;
import io.cores.live.ScanConflictKind;
import io.cores.live.ScanConflictStatus;

/**
 * A conflict's data: an open one read from the database ({@code id} set), or one this scan
 * raises (inserted at the end, as NEW, or as SUPERSEDED when a later result replaced it).
 */
public final class Finding {

	Long id;
	final int entry;
	final ScanConflictKind kind;
	ScanConflictStatus status = ScanConflictStatus.NEW;
	final Long nicId;
	final Long hostId;
	final String recordedIp;
	final String ip;
	final String mac;
	final Long currentLabId;
	final Long suggestedLabId;

	Finding(Long id, int entry, ScanConflictKind kind, Long nicId, Long hostId, String recordedIp, String ip, String mac,
			Long currentLabId, Long suggestedLabId) {
		this.id = id;
		this.entry = entry;
		this.kind = kind;
		this.nicId = nicId;
		this.hostId = hostId;
		this.recordedIp = recordedIp;
		this.ip = ip;
		this.mac = mac;
		this.currentLabId = currentLabId;
		this.suggestedLabId = suggestedLabId;
	}

	static Finding nic(int entry, long nicId, Long hostId, String recordedIp, String ip) {
		return new Finding(null, entry, ScanConflictKind.NIC, nicId, hostId, recordedIp, ip, null, null, null);
	}

	static Finding location(int entry, long hostId, long nicId, String ip, Long currentLabId, Long suggestedLabId) {
		return new Finding(null, entry, ScanConflictKind.LOCATION, nicId, hostId, null, ip, null, currentLabId,
				suggestedLabId);
	}

	static Finding unknown(int entry, String mac, String ip) {
		return new Finding(null, entry, ScanConflictKind.UNKNOWN, null, null, null, ip, mac, null, null);
	}

	/** Whether an open conflict says the same as this finding: every field but status and session. */
	boolean saysTheSameAs(Finding other) {
		return kind == other.kind && Objects.equals(nicId, other.nicId) && Objects.equals(hostId, other.hostId)
				&& Objects.equals(recordedIp, other.recordedIp) && Objects.equals(ip, other.ip)
				&& Objects.equals(mac, other.mac) && Objects.equals(currentLabId, other.currentLabId)
				&& Objects.equals(suggestedLabId, other.suggestedLabId);
	}

	/** The key of "one open conflict per subject", as the partial unique indexes of V7__live.sql have it. */
	String subject() {
		return switch (kind) {
			case NIC -> "NIC:" + nicId;
			case LOCATION -> "LOCATION:" + hostId;
			case UNKNOWN -> "UNKNOWN:" + mac + "|" + ip;
		};
	}

	/** The stored conflict's key, once inserted. */
	public Long id() {
		return id;
	}

	/** As the payload shows it, with the stored conflict (null on a dry run). */
	public ScanConflictFinding describe(ScanConflict stored) {
		return new ScanConflictFinding(entry, kind, status, ip, mac, globalId("Nic", nicId), globalId("Host", hostId),
				recordedIp, globalId("Lab", currentLabId), globalId("Lab", suggestedLabId), stored);
	}

	private static String globalId(String type, Long key) {
		return key == null ? null : GlobalId.encode(type, key);
	}
}

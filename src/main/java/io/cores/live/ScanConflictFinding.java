package io.cores.live;

/**
 * A conflict a scan created, or on a dry run would create. Ids are global ids; {@code conflict}
 * is the stored row, null on a dry run.
 */
public record ScanConflictFinding(int entry, ScanConflictKind kind, ScanConflictStatus status, String ip, String mac,
		String nicId, String hostId, String recordedIp, String currentLabId, String suggestedLabId, ScanConflict conflict) {
}

package io.cores.live;

/**
 * The counts one scan session produced, read from the session's own columns.
 *
 * @param entries results in the scan
 * @param matched results that found a NIC
 * @param ipUpdated NICs whose ip the scan set
 * @param conflictsCreated conflicts the scan created
 * @param conflictsSuperseded open conflicts the scan replaced
 * @param unknown results with a MAC not in the inventory
 * @param virtual results with a locally administered MAC
 * @param durationMs time the ingest took
 */
public record ScanStats(int entries, int matched, int ipUpdated, int conflictsCreated, int conflictsSuperseded,
		int unknown, int virtual, long durationMs) {
}

package io.cores.live;

/** What became of one result of a scan; the schema's ScanEntryOutcome. */
public enum ScanEntryOutcome {
	MATCHED, IP_ACCEPTED, NIC_CONFLICT, UNKNOWN, VIRTUAL, INVALID
}

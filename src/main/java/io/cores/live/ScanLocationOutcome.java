package io.cores.live;

/** What a scan found about a host's placement, when it checked it. */
public enum ScanLocationOutcome {
	PLACED, CONFLICT
}

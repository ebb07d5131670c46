package io.cores.live;

/** What staff decide about an open conflict. */
public enum ScanConflictResolution {
	/** Apply what the scan saw to the inventory; the conflict is RESOLVED. */
	ACCEPT,
	/** Leave the inventory as it is; the conflict is IGNORED (still open: a later, different finding supersedes it). */
	IGNORE
}

package io.cores.live;

/** Where a scan conflict stands. NEW and IGNORED are open: a later scan may supersede them. */
public enum ScanConflictStatus {
	NEW, IGNORED, SUPERSEDED, RESOLVED
}

package io.cores.live;

import java.util.List;

/**
 * The line a scan answers for one of its results, also stored in the session's responses.
 *
 * @param entry the result's position in the scan, from 0
 * @param location null when the placement was not checked or was right
 * @param created the kinds of conflict this result created
 * @param unchanged the kinds of open conflict that held this finding already
 * @param field for an INVALID result, the input field at fault
 */
public record ScanEntryResponse(int entry, ScanEntryOutcome outcome, ScanLocationOutcome location,
		List<ScanConflictKind> created, List<ScanConflictKind> unchanged, String message, List<String> field) {
}

package io.cores.live;

import java.util.List;

/**
 * A scan created these conflicts. Published inside the ingesting transaction; whoever tells
 * others about them (subscriptions) listens after commit, so a rolled-back scan tells nothing.
 */
public record ScanConflictsCreated(long sessionId, List<Long> conflictIds) {
}

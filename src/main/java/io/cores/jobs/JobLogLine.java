package io.cores.jobs;

import java.time.OffsetDateTime;

/**
 * One line of a job's log, as stored in the job's jsonb log array:
 * {@code {"at": "2026-01-01T08:23:00Z", "level": "INFO", "message": "..."}}.
 */
public record JobLogLine(OffsetDateTime at, String level, String message) {
}

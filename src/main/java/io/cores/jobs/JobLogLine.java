package io.cores.jobs;

import java.time.OffsetDateTime;

/** One line of a job's log: a row of job_log_line, appended while the run goes on. */
public record JobLogLine(OffsetDateTime at, String level, String message) {
}

package io.cores.jobs;

/**
 * Where a job run stands (NetBox's job states). ERRORED: the run broke off with an unexpected
 * error, or was interrupted; FAILED: the run went to its end but reported failure.
 */
public enum JobStatus {
	PENDING, SCHEDULED, RUNNING, COMPLETED, ERRORED, FAILED
}

package io.cores.jobs;

/** What a running job writes to its record, and how it learns that it should stop. */
public interface JobContext {

	/** The run's record id. */
	long jobId();

	/** Appends an INFO line to the run's log, at once (subscribers see it as it is written). */
	void log(String message);

	/** Appends a line of the given level (INFO, WARNING, ERROR). */
	void log(String level, String message);

	/** Puts a value into the run's result data, written when the run ends. */
	void put(String key, Object value);

	/** Ends the run as FAILED with this reason once it returns: it went to its end but did not succeed. */
	void fail(String reason);

	/**
	 * True once the instance is shutting down or an admin cancelled the run (cancelJob): a long
	 * job stops at its next safe point. A job that returns after seeing it for a cancel ends
	 * ERRORED, "Cancelled by …".
	 */
	boolean cancelled();
}

package io.cores.jobs;

/**
 * A background job: a Spring bean with a unique name. Each run is a {@link Job} record; the
 * run writes its log and result through its {@link JobContext}. Its schedule, if any, is
 * configuration ({@code cores.jobs.<name>.cron} or {@code .interval}, docs/jobs.md), and a run
 * happens on one instance of the cluster, never on two at once.
 * <p>
 * A run that returns has COMPLETED, unless it called {@link JobContext#fail(String)} (FAILED);
 * one that throws has ERRORED, with the exception's message as its error.
 */
public interface BackgroundJob {

	/** The job's name: lower case, digits and hyphens; its runs and settings carry it. */
	String name();

	/** What the job does, for jobDefinitions. */
	String description();

	void run(JobContext context) throws Exception;
}

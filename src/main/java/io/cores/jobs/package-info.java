/**
 * Background jobs: the record of every run, scheduled or asked for, with its status, result
 * data, error and log lines.
 * <p>
 * Owns the tables job, job_log_line and mail_outbox (and uses the shared shedlock table for
 * its schedule). Refers to the user who asked by id (identity). A job is a
 * {@link io.cores.jobs.BackgroundJob} bean; runs are queued in the job table and claimed by
 * whichever instance has a free run thread (internal/JobWorker), scheduled once per cluster
 * (internal/JobSchedule). The morning job reads holds and hold notifications (booking) and
 * writes only mails; maintenance asks each owning module to delete its old rows
 * (NoticeRetention, ScanRetention, HoldRetention). Job events reach subscribers on every
 * instance through NOTIFY cores_jobs (internal/JobFeed).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jobs")
package io.cores.jobs;

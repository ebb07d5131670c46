/**
 * Background jobs: the record of every run, scheduled or asked for, with its status, result
 * data, error and log lines.
 * <p>
 * Owns the table job. Refers to the user who asked by id (identity). The scheduled runs
 * (morning mails, maintenance) ask the owning modules to do their part through events, so
 * this module writes only its own records; it publishes job progress for subscribers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jobs")
package io.cores.jobs;

package io.cores.jobs;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cores.identity.Caller;
import io.cores.jobs.internal.JobCatalog;
import io.cores.jobs.internal.JobRuns;
import io.cores.platform.audit.ObjectChanged;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.UserError;

/**
 * Running a job by hand and cancelling a run (admins; the guards say who). Each
 * writes its run and its change record in one transaction; the run itself happens on
 * whichever instance claims it first.
 */
@Service
public class JobManagement {

	public record Outcome(Job job, List<UserError> errors) {
	}

	private final JobCatalog catalog;
	private final JobRuns runs;
	private final JobRepository jobs;
	private final ApplicationEventPublisher events;

	JobManagement(JobCatalog catalog, JobRuns runs, JobRepository jobs, ApplicationEventPublisher events) {
		this.catalog = catalog;
		this.runs = runs;
		this.jobs = jobs;
		this.events = events;
	}

	/** Queues a run of {@code name} now, or at {@code at} (a time past means now). */
	@Transactional
	public Outcome run(Caller caller, String name, OffsetDateTime at) {
		if (name == null || name.isBlank()) {
			return new Outcome(null, List.of(UserError.of(UserError.Code.REQUIRED, "Name the job to run", "name")));
		}
		if (catalog.get(name) == null) {
			return new Outcome(null, List.of(UserError.of(UserError.Code.NOT_FOUND,
					"No job is named " + name + "; known: " + String.join(", ", catalog.names()), "name")));
		}
		long id = runs.enqueue(name, at, caller.userId());
		var job = jobs.findById(id).orElseThrow();
		events.publishEvent(new ObjectChanged("Job", id, "CREATE", name, null, snapshot(job), caller.userId(),
				caller.username()));
		return new Outcome(job, List.of());
	}

	/**
	 * Cancels a PENDING or SCHEDULED run: it ends ERRORED, "Cancelled by …", and never runs. A
	 * RUNNING run is asked to stop: its error says "Cancelled by …" at once, its job sees
	 * {@code cancelled()} on whichever instance runs it, and a job that stops for it ends ERRORED
	 * with that error (docs/jobs.md).
	 */
	@Transactional
	public Outcome cancel(Caller caller, String globalId, int version) {
		long id = GlobalId.decodeKey(globalId, "Job", "id");
		var row = runs.lock(id);
		if (row == null) {
			return new Outcome(null, List.of(UserError.of(UserError.Code.NOT_FOUND, "No job run has this id", "id")));
		}
		if (((Number) row.get("version")).intValue() != version) {
			return new Outcome(null, List.of(UserError.of(UserError.Code.STALE_VERSION,
					"The run changed since it was read (version " + row.get("version") + ", not " + version + ")", "version")));
		}
		var status = (String) row.get("status");
		boolean running = status.equals("RUNNING");
		if (!running && !status.equals("PENDING") && !status.equals("SCHEDULED")) {
			return new Outcome(null, List.of(UserError.of(UserError.Code.INVALID,
					"Only a PENDING, SCHEDULED or RUNNING run can be cancelled; this one is " + status, "id")));
		}
		if (running && row.get("error") != null) {
			return new Outcome(null, List.of(UserError.of(UserError.Code.INVALID,
					"This run was already asked to stop (" + row.get("error") + ")", "id")));
		}
		var before = new LinkedHashMap<String, Object>();
		before.put("name", row.get("name"));
		before.put("status", status);
		var by = caller.username() == null ? "an admin" : caller.username();
		if (running) {
			runs.askToStop(id, by);
		}
		else {
			runs.cancel(id, by);
		}
		// read after the plain-SQL update: the first read of the entity in this transaction
		var job = jobs.findById(id).orElseThrow();
		events.publishEvent(new ObjectChanged("Job", id, "UPDATE", (String) row.get("name"), before, snapshot(job),
				caller.userId(), caller.username()));
		return new Outcome(job, List.of());
	}

	private static Map<String, Object> snapshot(Job job) {
		var data = new LinkedHashMap<String, Object>();
		data.put("name", job.getName());
		data.put("status", job.getStatus().name());
		data.put("scheduledAt", job.getScheduledAt() == null ? null : job.getScheduledAt().toString());
		data.put("error", job.getError());
		return data;
	}
}

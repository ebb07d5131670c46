package io.cores.jobs.graphql;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.querydsl.core.BooleanBuilder;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

import io.cores.identity.Caller;
import io.cores.jobs.Job;
import io.cores.jobs.JobLogLine;
import io.cores.jobs.JobManagement;
import io.cores.jobs.JobRepository;
import io.cores.jobs.QJob;
import io.cores.jobs.internal.JobCatalog;
import io.cores.jobs.internal.JobFeed;
import io.cores.jobs.internal.JobSchedule;
import io.cores.platform.graphql.FilterCompiler;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.NodeTypes;
import io.cores.platform.graphql.UserError;

/** runJob, cancelJob, jobDefinitions, jobUpdated and a run's log lines. */
@Controller
class JobController {

	record RunJobInput(String name, OffsetDateTime at) {
	}

	record RunJobPayload(Job job, List<UserError> errors) {
	}

	record CancelJobInput(String id, int version) {
	}

	record CancelJobPayload(Job job, List<UserError> errors) {
	}

	record JobDefinition(String name, String description, String schedule, OffsetDateTime nextRunAt) {
	}

	record JobUpdate(String cursor, Job job, JobLogLine line) {
	}

	/** What a cursor names: a place in the feed of job events (a run's id is not one). */
	static final String CURSOR_TYPE = "JobUpdate";
	/** Missed events are read this many at a time. */
	private static final int PAGE = 1000;
	/** Batches a subscriber may fall behind before its subscription ends with an error (resume with after:). */
	private static final int BACKLOG = 256;

	/** A subscriber that fell behind its backlog; it resumes from its last cursor. */
	static final class FellBehind extends RuntimeException {
		FellBehind() {
			super("The subscription fell too far behind; subscribe again with after: the last cursor received");
		}
	}

	private final JobManagement management;
	private final JobCatalog catalog;
	private final JobSchedule schedule;
	private final JobFeed feed;
	private final JobRepository jobs;
	private final NodeTypes types;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate readOnly;

	JobController(JobManagement management, JobCatalog catalog, JobSchedule schedule, JobFeed feed, JobRepository jobs,
			NodeTypes types, JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.management = management;
		this.catalog = catalog;
		this.schedule = schedule;
		this.feed = feed;
		this.jobs = jobs;
		this.types = types;
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
	}

	@MutationMapping
	RunJobPayload runJob(@Argument RunJobInput input, GraphQLContext context) {
		var outcome = management.run(Caller.of(context), input.name(), input.at());
		return new RunJobPayload(outcome.job(), outcome.errors());
	}

	@MutationMapping
	CancelJobPayload cancelJob(@Argument CancelJobInput input, GraphQLContext context) {
		var outcome = management.cancel(Caller.of(context), input.id(), input.version());
		return new CancelJobPayload(outcome.job(), outcome.errors());
	}

	@QueryMapping
	List<JobDefinition> jobDefinitions() {
		return catalog.all().stream().map(entry -> {
			var next = schedule.nextRun(entry.job().name());
			return new JobDefinition(entry.job().name(), entry.job().description(), entry.settings().scheduleText(),
					next == null ? null : next.atOffset(ZoneOffset.UTC));
		}).toList();
	}

	@BatchMapping(typeName = "Job", field = "log")
	Map<Job, List<JobLogLine>> log(List<Job> runs) {
		var byId = new LinkedHashMap<Long, List<JobLogLine>>();
		runs.forEach(job -> byId.put(job.getId(), new ArrayList<>()));
		jdbc.query("SELECT job_id, at, level, message FROM job_log_line WHERE job_id = ANY (?) ORDER BY job_id, seq",
				rows -> {
					byId.get(rows.getLong(1)).add(new JobLogLine(rows.getObject(2, OffsetDateTime.class), rows.getString(3),
							rows.getString(4)));
				}, (Object) byId.keySet().toArray(Long[]::new));
		var result = new LinkedHashMap<Job, List<JobLogLine>>();
		runs.forEach(job -> result.put(job, byId.get(job.getId())));
		return result;
	}

	/**
	 * The updates of the matching runs as they are committed; with {@code after}, first those
	 * since that cursor, from the database. The subscriber joins the live feed before it reads
	 * the feed's head, takes what lies between the cursor and the head from the database and
	 * only what lies above the head from the live feed: nothing falls between, nothing comes twice.
	 */
	@SubscriptionMapping
	Flux<JobUpdate> jobUpdated(@Argument String after, DataFetchingEnvironment env) {
		Map<String, Object> filter = env.getArgument("filter");
		var context = env.getGraphQlContext();
		var type = types.get("Job");
		// refused here, before anything is sent, as the jobs query would refuse it
		new FilterCompiler(types, context).compile(type, type.root(), filter, "filter");
		Long from = after == null ? null : GlobalId.decodeKey(after, CURSOR_TYPE, "after");
		return Flux.defer(() -> {
			Sinks.Many<List<JobFeed.Event>> backlog = Sinks.many().unicast()
				.onBackpressureBuffer(Queues.<List<JobFeed.Event>>get(BACKLOG).get());
			Disposable joined = feed.events().subscribe(batch -> {
				if (backlog.tryEmitNext(batch).isFailure()) {
					backlog.tryEmitError(new FellBehind());
				}
			}, backlog::tryEmitError);
			long head = feed.head();
			long start = from == null ? head : from;
			long liveAbove = Math.max(start, head);
			Flux<List<JobFeed.Event>> missed = start >= head ? Flux.empty()
					: Mono.fromCallable(() -> feed.read(start, head, PAGE))
						.expand(page -> page.size() < PAGE ? Mono.empty()
								: Mono.fromCallable(() -> feed.read(page.get(page.size() - 1).seq(), head, PAGE)))
						.filter(page -> !page.isEmpty())
						.subscribeOn(Schedulers.boundedElastic());
			var live = backlog.asFlux()
				.map(batch -> batch.stream().filter(event -> event.seq() > liveAbove).toList())
				.filter(batch -> !batch.isEmpty());
			return Flux.concat(missed, live)
				.publishOn(Schedulers.boundedElastic())
				.concatMapIterable(batch -> readOnly.execute(status -> updates(batch, filter, context)))
				.doFinally(signal -> joined.dispose());
		});
	}

	private List<JobUpdate> updates(List<JobFeed.Event> batch, Map<String, Object> filter, GraphQLContext context) {
		var type = types.get("Job");
		var where = new BooleanBuilder(QJob.job.id.in(batch.stream().map(JobFeed.Event::jobId).distinct().toList()));
		var compiled = new FilterCompiler(types, context).compile(type, QJob.job, filter, "filter");
		if (compiled != null) {
			where.and(compiled);
		}
		var matching = new LinkedHashMap<Long, Job>();
		jobs.findAll(where).forEach(job -> matching.put(job.getId(), job));
		var lineIds = batch.stream().filter(e -> e.lineId() != null && matching.containsKey(e.jobId()))
			.map(JobFeed.Event::lineId).toArray(Long[]::new);
		var lines = new LinkedHashMap<Long, JobLogLine>();
		if (lineIds.length > 0) {
			jdbc.query("SELECT id, at, level, message FROM job_log_line WHERE id = ANY (?)", rows -> {
				lines.put(rows.getLong(1), new JobLogLine(rows.getObject(2, OffsetDateTime.class), rows.getString(3),
						rows.getString(4)));
			}, (Object) lineIds);
		}
		var updates = new ArrayList<JobUpdate>();
		for (var event : batch) {
			var job = matching.get(event.jobId());
			if (job == null) {
				continue;
			}
			var cursor = GlobalId.encode(CURSOR_TYPE, event.seq());
			if (event.lineId() == null) {
				updates.add(new JobUpdate(cursor, job, null));
			}
			else if (lines.containsKey(event.lineId())) {
				updates.add(new JobUpdate(cursor, job, lines.get(event.lineId())));
			}
		}
		return updates;
	}
}

package io.cores.live.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.GraphQLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

import io.cores.identity.Caller;
import io.cores.live.ScanConflict;
import io.cores.platform.graphql.ConnectionQueries;
import io.cores.platform.graphql.FilterCompiler;
import io.cores.platform.graphql.NodeType;
import io.cores.platform.graphql.NodeTypes;

/**
 * The {@code scanConflictCreated} subscriptions. Subscribers with the same filter and the
 * same caller form a group that queries the database once per published range, with the
 * filter and the caller's visibility compiled as the {@code scanConflicts} query compiles
 * them; its members share the result. A subscriber resuming {@code after} a conflict first
 * gets the matching conflicts between that one and the feed's head from the database, then
 * the group's live ones above the head: it joins the group before it reads the head, so
 * nothing falls between the two and nothing comes twice.
 */
@Component
public class ConflictSubscriptions {

	/** Resumed conflicts are read this many at a time. */
	private static final int PAGE = 500;
	/** Batches a subscriber may fall behind before its subscription ends with an error (resume with after:). */
	private static final int BACKLOG = 256;

	/** What a group shares: its filter (a map from the arguments) and the caller it reads for. */
	private record GroupKey(Map<String, Object> filter, Caller caller) {
	}

	/** A subscriber that fell behind its backlog; it resumes from its last cursor. */
	static final class FellBehind extends RuntimeException {
		FellBehind() {
			super("The subscription fell too far behind; subscribe again with after: the last cursor received");
		}
	}

	private final ConflictFeed feed;
	private final ConnectionQueries queries;
	private final NodeTypes types;
	private final TransactionTemplate readOnly;
	private final Scheduler scheduler = Schedulers.boundedElastic();
	private final Map<GroupKey, Flux<List<ScanConflict>>> groups = new ConcurrentHashMap<>();

	ConflictSubscriptions(ConflictFeed feed, ConnectionQueries queries, NodeTypes types, TransactionTemplate transactions) {
		this.feed = feed;
		this.queries = queries;
		this.types = types;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
	}

	/**
	 * The conflicts matching {@code filter} as the caller of {@code context} may see them:
	 * those above {@code after} first (when given), then each new one once its scan commits.
	 * A filter that does not compile is refused here, before anything is sent.
	 */
	public Flux<ScanConflict> subscribe(Map<String, Object> filter, Long after, GraphQLContext context) {
		new FilterCompiler(types, context).compile(type(), type().root(), filter, "filter");
		var key = new GroupKey(filter == null ? Map.of() : filter, Caller.of(context));
		return Flux.defer(() -> {
			Sinks.Many<List<ScanConflict>> backlog = Sinks.many().unicast()
				.onBackpressureBuffer(Queues.<List<ScanConflict>>get(BACKLOG).get());
			Disposable joined = group(key, context).subscribe(batch -> {
				if (backlog.tryEmitNext(batch).isFailure()) {
					backlog.tryEmitError(new FellBehind());
				}
			}, backlog::tryEmitError);
			long head = feed.head();
			long from = after == null ? head : after;
			long liveAbove = Math.max(from, head);
			// each subscriber's events are executed and written on a worker of its own, not one
			// after another on the thread that read the batch for the whole group
			return Flux.concat(resumed(key.filter(), from, head, context),
					backlog.asFlux().publishOn(scheduler).flatMapIterable(batch -> batch).filter(c -> c.getId() > liveAbove))
				.doFinally(signal -> joined.dispose());
		});
	}

	/** The group's shared stream of matching conflicts per range; ends when its last member leaves. */
	private Flux<List<ScanConflict>> group(GroupKey key, GraphQLContext context) {
		return groups.computeIfAbsent(key, k -> feed.ranges()
			.onBackpressureBuffer(BACKLOG, range -> {
			}, BufferOverflowStrategy.ERROR)
			.concatMap(range -> read(k.filter(), range.after(), range.upTo(), ConflictFeed.RANGE, context))
			.filter(batch -> !batch.isEmpty())
			.doFinally(signal -> groups.remove(k))
			.publish()
			.refCount());
	}

	/** What was missed, in pages, from the database. */
	private Flux<ScanConflict> resumed(Map<String, Object> filter, long after, long upTo, GraphQLContext context) {
		if (after >= upTo) {
			return Flux.empty();
		}
		return read(filter, after, upTo, PAGE, context)
			.expand(page -> page.size() < PAGE ? Mono.empty()
					: read(filter, page.get(page.size() - 1).getId(), upTo, PAGE, context))
			.flatMapIterable(page -> page);
	}

	private Mono<List<ScanConflict>> read(Map<String, Object> filter, long after, long upTo, int limit,
			GraphQLContext context) {
		return Mono.fromCallable(() -> readOnly.execute(status -> queries.inKeyRange(type(), after, upTo, filter, limit,
				context).stream().map(ScanConflict.class::cast).toList())).subscribeOn(scheduler);
	}

	@SuppressWarnings("unchecked")
	private NodeType<ScanConflict, ?> type() {
		return (NodeType<ScanConflict, ?>) types.get("ScanConflict");
	}
}

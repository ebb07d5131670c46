package io.cores.live.graphql;

import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

import io.cores.live.ScanConflict;
import io.cores.live.internal.ConflictSubscriptions;
import io.cores.platform.graphql.GlobalId;

/** {@code scanConflictCreated}; the feed and its guarantees are in {@link ConflictSubscriptions}. */
@Controller
class ScanConflictSubscriptionController {

	/** What a cursor names: a place in the feed of conflicts, not a conflict (its id is that). */
	static final String CURSOR_TYPE = "ScanConflictEvent";

	record ScanConflictEvent(String cursor, ScanConflict conflict) {

		static ScanConflictEvent of(ScanConflict conflict) {
			return new ScanConflictEvent(GlobalId.encode(CURSOR_TYPE, conflict.getId()), conflict);
		}
	}

	private final ConflictSubscriptions subscriptions;

	ScanConflictSubscriptionController(ConflictSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@SubscriptionMapping
	Flux<ScanConflictEvent> scanConflictCreated(@Argument String after, DataFetchingEnvironment env) {
		Map<String, Object> filter = env.getArgument("filter");
		Long from = after == null ? null : GlobalId.decodeKey(after, CURSOR_TYPE, "after");
		return subscriptions.subscribe(filter, from, env.getGraphQlContext()).map(ScanConflictEvent::of);
	}
}

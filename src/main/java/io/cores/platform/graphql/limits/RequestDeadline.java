package io.cores.platform.graphql.limits;

import java.time.Duration;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

/**
 * A per-request time limit: once a request has run for the configured time, its remaining
 * resolvers are refused instead of started. Plain property reads are not wrapped, so the
 * check costs nothing on the fields that do no work.
 */
class RequestDeadline extends SimplePerformantInstrumentation {

	private final Duration timeout;

	RequestDeadline(Duration timeout) {
		this.timeout = timeout;
	}

	private record Deadline(long nanos) implements InstrumentationState {
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new Deadline(System.nanoTime() + timeout.toNanos());
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (parameters.isTrivialDataFetcher() || !(state instanceof Deadline deadline)) {
			return fetcher;
		}
		return env -> {
			if (System.nanoTime() - deadline.nanos() > 0) {
				throw new AbortExecutionException("The request ran longer than " + readable(timeout) + " and was stopped");
			}
			return fetcher.get(env);
		};
	}

	private static String readable(Duration duration) {
		return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}
}

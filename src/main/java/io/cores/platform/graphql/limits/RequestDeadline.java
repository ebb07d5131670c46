package io.cores.platform.graphql.limits;

import java.time.Duration;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;

/**
 * A per-request time limit: once a request has run for the configured time, its remaining
 * resolvers are refused instead of started, and its SQL statements are cancelled when the time
 * is up ({@link StatementDeadlines}, which reads the deadline this puts into the GraphQL
 * context). Plain property reads are not wrapped, so the check costs nothing on the fields
 * that do no work.
 */
class RequestDeadline extends SimplePerformantInstrumentation {

	private final Duration timeout;

	RequestDeadline(Duration timeout) {
		this.timeout = timeout;
	}

	private record State(Deadline deadline) implements InstrumentationState {
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		var deadline = Deadline.after(timeout);
		parameters.getExecutionInput().getGraphQLContext().put(Deadline.KEY, deadline);
		return new State(deadline);
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (parameters.isTrivialDataFetcher() || !(state instanceof State request)) {
			return fetcher;
		}
		var deadline = request.deadline();
		return env -> {
			// a subscription lasts as long as its client wants; each event is small and bounded
			if (deadline.passed() && env.getOperationDefinition().getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
				throw new DeadlineExceeded(deadline);
			}
			return fetcher.get(env);
		};
	}

	/** A resolver refused because its request's time is up. */
	static final class DeadlineExceeded extends AbortExecutionException {

		DeadlineExceeded(Deadline deadline) {
			super(deadline.message());
		}
	}
}

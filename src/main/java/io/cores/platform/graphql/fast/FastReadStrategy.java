package io.cores.platform.graphql.fast;

import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategy;
import graphql.execution.ExecutionStrategyParameters;

/**
 * Answers a query through {@link FastReads} when it can, else as the strategy it replaces
 * would. graphql-java hands every nested object back to the query strategy, so this one must
 * be that strategy in full: it takes over the replaced one's exception handler (Spring for
 * GraphQL's, which gives errors their classification) rather than delegating to it.
 */
final class FastReadStrategy extends AsyncExecutionStrategy {

	private final FastReads reads;

	FastReadStrategy(ExecutionStrategy replaced, FastReads reads) {
		super(exceptionHandlerOf(replaced));
		this.reads = reads;
	}

	@Override
	public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
		var data = reads.answer(context);
		if (data == null) {
			return super.execute(context, parameters);
		}
		return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().data(data).build());
	}

	/** graphql-java keeps a strategy's handler in a protected field and offers no getter. */
	private static DataFetcherExceptionHandler exceptionHandlerOf(ExecutionStrategy strategy) {
		try {
			var field = ExecutionStrategy.class.getDeclaredField("dataFetcherExceptionHandler");
			field.setAccessible(true);
			return (DataFetcherExceptionHandler) field.get(strategy);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot read the query strategy's exception handler", ex);
		}
	}
}

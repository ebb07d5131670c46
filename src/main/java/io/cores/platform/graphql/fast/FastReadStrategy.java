package io.cores.platform.graphql.fast;

import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategy;
import graphql.execution.ExecutionStrategyParameters;

/** Answers a query through {@link FastReads} when it can, else through the strategy it wraps. */
final class FastReadStrategy extends AsyncExecutionStrategy {

	private final ExecutionStrategy resolvers;
	private final FastReads reads;

	FastReadStrategy(ExecutionStrategy resolvers, FastReads reads) {
		this.resolvers = resolvers;
		this.reads = reads;
	}

	@Override
	public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
		var data = reads.answer(context);
		if (data == null) {
			return resolvers.execute(context, parameters);
		}
		return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().data(data).build());
	}
}

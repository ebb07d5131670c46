package io.cores.platform.graphql.limits;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.schema.DataFetcher;
import graphql.validation.ValidationError;

/**
 * The query limits as one instrumentation. graphql-java passes every field of every request
 * through each registered instrumentation, so four of them cost four calls per field (a few
 * per cent of a large page, docs/performance.md); together they cost one. The document checks
 * run once per operation, cheapest first: the shape (root fields, aliases) on the parsed
 * document before validation, then depth and complexity on the validated one, unless the same
 * operation has just passed them ({@link PassedOperations}); only the deadline looks at fields.
 */
class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

	private final MaxQueryDepthInstrumentation depth;
	private final MaxQueryComplexityInstrumentation complexity;
	private final OperationShape shape;
	private final RequestDeadline deadline;
	private final PassedOperations passed = new PassedOperations();

	QueryLimitsInstrumentation(MaxQueryDepthInstrumentation depth, MaxQueryComplexityInstrumentation complexity,
			OperationShape shape, RequestDeadline deadline) {
		this.depth = depth;
		this.complexity = complexity;
		this.shape = shape;
		this.deadline = deadline;
	}

	private record State(InstrumentationState complexity, InstrumentationState deadline) implements InstrumentationState {
	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		var deadlineState = deadline.createState(parameters);
		var complexityState = complexity.createStateAsync(parameters);
		if (complexityState == null) {
			return CompletableFuture.completedFuture(new State(null, deadlineState));
		}
		return complexityState.thenApply(state -> new State(state, deadlineState));
	}

	@Override
	public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
			InstrumentationState state) {
		shape.check(parameters.getDocument(), parameters.getExecutionInput().getOperationName());
		return complexity.beginValidation(parameters, ((State) state).complexity());
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
			InstrumentationState state) {
		var execution = parameters.getExecutionContext();
		if (!passed.contains(execution)) {
			// each throws AbortExecutionException to refuse; none keeps a context of its own
			depth.beginExecuteOperation(parameters, null);
			complexity.beginExecuteOperation(parameters, ((State) state).complexity());
			passed.add(execution);
		}
		return SimpleInstrumentationContext.noOp();
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		return deadline.instrumentDataFetcher(fetcher, parameters, ((State) state).deadline());
	}
}

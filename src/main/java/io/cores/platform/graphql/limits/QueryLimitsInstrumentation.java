package io.cores.platform.graphql.limits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.CoercedVariables;
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
			var shapeOnly = withoutBulk(parameters);
			depth.beginExecuteOperation(shapeOnly, null);
			complexity.beginExecuteOperation(shapeOnly, ((State) state).complexity());
			passed.add(execution);
		}
		return SimpleInstrumentationContext.noOp();
	}

	/**
	 * The operation with every list in its variables cut to its first item. Depth and
	 * complexity depend on the document and the page sizes (first, last), never on how long an
	 * input list is, but graphql-java's traversals coerce every field's arguments again and the
	 * complexity calculator hashes them at every field: a scan of 50,000 results posted as a
	 * variable cost seconds before its ingest began (docs/performance.md, Ingest).
	 */
	private static InstrumentationExecuteOperationParameters withoutBulk(InstrumentationExecuteOperationParameters parameters) {
		var context = parameters.getExecutionContext();
		var variables = context.getCoercedVariables().toMap();
		if (!hasLongList(variables)) {
			return parameters;
		}
		return new InstrumentationExecuteOperationParameters(
				context.transform(builder -> builder.coercedVariables(CoercedVariables.of(firstItems(variables)))));
	}

	private static boolean hasLongList(Object value) {
		if (value instanceof Map<?, ?> map) {
			return map.values().stream().anyMatch(QueryLimitsInstrumentation::hasLongList);
		}
		if (value instanceof List<?> list) {
			return list.size() > 1 || list.stream().anyMatch(QueryLimitsInstrumentation::hasLongList);
		}
		return false;
	}

	@SuppressWarnings("unchecked")
	private static <T> T firstItems(T value) {
		if (value instanceof Map<?, ?> map) {
			var copy = new LinkedHashMap<Object, Object>();
			map.forEach((key, item) -> copy.put(key, firstItems(item)));
			return (T) copy;
		}
		if (value instanceof List<?> list) {
			var copy = new ArrayList<Object>();
			if (!list.isEmpty()) {
				copy.add(firstItems(list.get(0)));
			}
			return (T) copy;
		}
		return value;
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		return deadline.instrumentDataFetcher(fetcher, parameters, ((State) state).deadline());
	}
}

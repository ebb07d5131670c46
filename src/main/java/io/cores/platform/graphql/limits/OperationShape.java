package io.cores.platform.graphql.limits;

import java.util.HashSet;
import java.util.Set;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Refuses operations that are wide rather than deep: too many root fields (each may be a
 * separate query) or too many aliases (the same field asked again and again), counted
 * through fragments, before anything runs.
 */
class OperationShape extends SimplePerformantInstrumentation {

	private final int maxAliases;
	private final int maxRootFields;

	OperationShape(int maxAliases, int maxRootFields) {
		this.maxAliases = maxAliases;
		this.maxRootFields = maxRootFields;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
			InstrumentationState state) {
		var context = parameters.getExecutionContext();
		var fragments = context.getFragmentsByName();
		int roots = count(context.getOperationDefinition().getSelectionSet(), fragments, false, new HashSet<>());
		if (roots > maxRootFields) {
			throw new AbortExecutionException("The operation has " + roots + " root fields; the maximum is " + maxRootFields);
		}
		int aliases = count(context.getOperationDefinition().getSelectionSet(), fragments, true, new HashSet<>());
		if (aliases > maxAliases) {
			throw new AbortExecutionException("The operation has " + aliases + " aliases; the maximum is " + maxAliases);
		}
		return SimpleInstrumentationContext.noOp();
	}

	/** Root fields (not nested) or aliases (at every depth) in a selection set, fragments included. */
	private static int count(SelectionSet selections, java.util.Map<String, FragmentDefinition> fragments, boolean aliases,
			Set<String> visiting) {
		if (selections == null) {
			return 0;
		}
		int total = 0;
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				if (!aliases) {
					total++;
				}
				else {
					total += (field.getAlias() != null ? 1 : 0) + count(field.getSelectionSet(), fragments, true, visiting);
				}
			}
			else if (selection instanceof InlineFragment inline) {
				total += count(inline.getSelectionSet(), fragments, aliases, visiting);
			}
			else if (selection instanceof FragmentSpread spread) {
				var fragment = fragments.get(spread.getName());
				if (fragment != null && visiting.add(spread.getName())) {
					total += count(fragment.getSelectionSet(), fragments, aliases, visiting);
					visiting.remove(spread.getName());
				}
			}
		}
		return total;
	}
}

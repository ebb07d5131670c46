package io.cores.platform.graphql.limits;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.GraphQLException;
import graphql.execution.AbortExecutionException;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.NodeUtil;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Refuses operations that are wide rather than deep: too many root fields (each may be a
 * separate query) or too many aliases (the same field asked again and again), counted
 * through fragments. It needs only the parsed document, and one pass over it, so it runs
 * before validation: validating many aliases of one field compares every pair of them, and a
 * document this refuses should not pay for that, nor for the complexity count after it.
 */
class OperationShape {

	private final int maxAliases;
	private final int maxRootFields;

	OperationShape(int maxAliases, int maxRootFields) {
		this.maxAliases = maxAliases;
		this.maxRootFields = maxRootFields;
	}

	/** Throws AbortExecutionException for the operation that would run, if it is too wide. */
	void check(Document document, String operationName) {
		NodeUtil.GetOperationResult operation;
		try {
			operation = NodeUtil.getOperation(document, operationName);
		}
		catch (GraphQLException ex) {
			// no such operation, or no name for one of several: validation says so
			return;
		}
		var selections = operation.operationDefinition.getSelectionSet();
		var fragments = operation.fragmentsByName;
		int roots = count(selections, fragments, false, new HashSet<>());
		if (roots > maxRootFields) {
			throw new AbortExecutionException("The operation has " + roots + " root fields; the maximum is " + maxRootFields);
		}
		int aliases = count(selections, fragments, true, new HashSet<>());
		if (aliases > maxAliases) {
			throw new AbortExecutionException("The operation has " + aliases + " aliases; the maximum is " + maxAliases);
		}
	}

	/** Root fields (not nested) or aliases (at every depth) in a selection set, fragments included. */
	private static int count(SelectionSet selections, Map<String, FragmentDefinition> fragments, boolean aliases,
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

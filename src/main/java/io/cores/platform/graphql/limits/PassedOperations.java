package io.cores.platform.graphql.limits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.execution.ExecutionContext;
import graphql.language.Document;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;

/**
 * Operations whose depth and complexity were found within the limits, so that a client
 * sending the same operation again is not walked again (the walk was about a twelfth of a
 * small mutation's CPU, docs/performance.md). An operation is the parsed document (the same
 * instance while {@link DocumentCache} keeps it), the operation's name and the values of its
 * Int and Boolean variables: the only values that can change either figure, as page sizes
 * ({@code first}, {@code last}) and {@code @include} / {@code @skip}. Documents are held
 * weakly, so this never keeps one the document cache has let go.
 */
final class PassedOperations {

	/** Enough distinct page sizes and flags for any real client of one document. */
	private static final int VARIANTS_PER_DOCUMENT = 64;

	private final Cache<Document, Set<List<Object>>> passed = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

	boolean contains(ExecutionContext execution) {
		var variants = passed.getIfPresent(execution.getDocument());
		return variants != null && variants.contains(variant(execution));
	}

	void add(ExecutionContext execution) {
		var variants = passed.get(execution.getDocument(), document -> ConcurrentHashMap.newKeySet());
		if (variants.size() >= VARIANTS_PER_DOCUMENT) {
			variants.clear();
		}
		variants.add(variant(execution));
	}

	private static List<Object> variant(ExecutionContext execution) {
		var operation = execution.getOperationDefinition();
		var key = new ArrayList<Object>();
		key.add(operation.getName());
		var values = execution.getCoercedVariables();
		for (var variable : operation.getVariableDefinitions()) {
			if (countsForLimits(variable.getType())) {
				key.add(values.get(variable.getName()));
			}
		}
		// nulls are values too (a page size left out)
		return Arrays.asList(key.toArray());
	}

	private static boolean countsForLimits(Type<?> type) {
		var named = type instanceof NonNullType nonNull ? nonNull.getType() : type;
		return named instanceof TypeName name && Set.of("Int", "Boolean").contains(name.getName());
	}
}

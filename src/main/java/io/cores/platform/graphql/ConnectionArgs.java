package io.cores.platform.graphql;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;

/**
 * The arguments of a connection field, checked before any SQL runs. Records compare by value,
 * so nested connections asked with equal arguments share one batch query.
 */
public record ConnectionArgs(Map<String, Object> filter, List<Map<String, Object>> orderBy, int size, boolean backward,
		String cursor, boolean count) {

	public static final int DEFAULT_PAGE = 50;
	public static final int MAX_PAGE = 500;

	public static ConnectionArgs from(DataFetchingEnvironment env) {
		return of(env.getArguments(),
				selects(env.getMergedField().getFields(), "totalCount", env.getFragmentsByName()));
	}

	/** From a connection field's coerced arguments, and whether {@code totalCount} is asked for. */
	@SuppressWarnings("unchecked")
	public static ConnectionArgs of(Map<String, Object> arguments, boolean count) {
		var first = (Integer) arguments.get("first");
		var last = (Integer) arguments.get("last");
		var after = (String) arguments.get("after");
		var before = (String) arguments.get("before");
		if (first != null && last != null) {
			throw new InvalidInputException("first", "may not be combined with last; page forward or backward");
		}
		if (after != null && before != null) {
			throw new InvalidInputException("after", "may not be combined with before");
		}
		if (first != null && before != null) {
			throw new InvalidInputException("before", "pages backward; use it with last, not first");
		}
		if (last != null && after != null) {
			throw new InvalidInputException("after", "pages forward; use it with first, not last");
		}
		check("first", first);
		check("last", last);
		boolean backward = last != null || before != null;
		int size = last != null ? last : first != null ? first : DEFAULT_PAGE;
		return new ConnectionArgs((Map<String, Object>) arguments.get("filter"),
				(List<Map<String, Object>>) arguments.get("orderBy"), size, backward, backward ? before : after, count);
	}

	/**
	 * Whether the field's own selection names {@code field}, through fragments. Read from the
	 * document rather than graphql-java's selection-set API, which costs more per call, and
	 * this runs once per parent of a nested connection.
	 */
	private static boolean selects(List<graphql.language.Field> fields, String field,
			Map<String, graphql.language.FragmentDefinition> fragments) {
		for (var f : fields) {
			if (selects(f.getSelectionSet(), field, fragments)) {
				return true;
			}
		}
		return false;
	}

	private static boolean selects(graphql.language.SelectionSet selections, String field,
			Map<String, graphql.language.FragmentDefinition> fragments) {
		if (selections == null) {
			return false;
		}
		for (var selection : selections.getSelections()) {
			if (selection instanceof graphql.language.Field f && f.getName().equals(field)) {
				return true;
			}
			if (selection instanceof graphql.language.InlineFragment inline && selects(inline.getSelectionSet(), field, fragments)) {
				return true;
			}
			if (selection instanceof graphql.language.FragmentSpread spread && fragments.containsKey(spread.getName())
					&& selects(fragments.get(spread.getName()).getSelectionSet(), field, fragments)) {
				return true;
			}
		}
		return false;
	}

	private static void check(String argument, Integer size) {
		if (size != null && size < 0) {
			throw new InvalidInputException(argument, "may not be negative");
		}
		if (size != null && size > MAX_PAGE) {
			throw new InvalidInputException(argument, size + " is over the maximum page size of " + MAX_PAGE);
		}
	}

	String cursorArgument() {
		return backward ? "before" : "after";
	}
}

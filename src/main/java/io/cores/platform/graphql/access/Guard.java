package io.cores.platform.graphql.access;

import graphql.schema.DataFetchingEnvironment;

/**
 * An access rule on schema fields, declared as a bean by the module that owns the rule.
 * {@code check} runs before the field's resolver and throws {@link AccessDenied} to refuse.
 * Coordinates are {@code Type.field}; {@link #ROOTS} applies to every root field (of Query,
 * Mutation and Subscription) and runs before the field's own guards.
 */
public record Guard(String coordinates, Check check) {

	public static final String ROOTS = "*";

	@FunctionalInterface
	public interface Check {

		void check(DataFetchingEnvironment env);

		/**
		 * Who passes, in words a client reads ("STAFF", "any signed-in user (their own)"): the
		 * schema states it for every mutation ({@link WritersInSchema}); null where the check
		 * does not say.
		 */
		default String who() {
			return null;
		}

		/** The check, saying who passes it. */
		static Check of(String who, Check check) {
			return new Described(who, check);
		}
	}

	private record Described(String who, Check inner) implements Check {

		@Override
		public void check(DataFetchingEnvironment env) {
			inner.check(env);
		}
	}

	public static Guard field(String type, String field, Check check) {
		return new Guard(type + "." + field, check);
	}

	public static Guard roots(Check check) {
		return new Guard(ROOTS, check);
	}
}

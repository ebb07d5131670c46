package io.cores.platform.graphql;

import java.util.function.Function;

import com.querydsl.core.types.Expression;
import com.querydsl.core.types.Predicate;
import com.querydsl.core.types.dsl.EntityPathBase;

/** One field of a filter input and how it compiles to a Querydsl predicate. */
public sealed interface FilterField {

	/**
	 * A column tested with the scalar operators of its kind. {@code uniqueIgnoringCase}: the
	 * column has a unique index on {@code lower(column)}, so an exact match also compares
	 * {@code lower()}, which that index answers (the exact comparison alone has no index and
	 * would read every row).
	 */
	record Scalar<Q>(ScalarKind kind, Function<Q, ? extends Expression<?>> path, Class<? extends Enum<?>> enumType,
			boolean uniqueIgnoringCase) implements FilterField {

		public Scalar(ScalarKind kind, Function<Q, ? extends Expression<?>> path, Class<? extends Enum<?>> enumType) {
			this(kind, path, enumType, false);
		}
	}

	/** A field named after a relation: a nested filter (to-one) or some/none/every (to-many). */
	record OfRelation(Relation relation) implements FilterField {
	}

	/** Anything else; {@code compile} gets the query's alias for the type and the input value. */
	@FunctionalInterface
	non-sealed interface Custom<Q extends EntityPathBase<?>> extends FilterField {
		Predicate compile(Q alias, Object value, FilterCompiler compiler, String argument);
	}
}

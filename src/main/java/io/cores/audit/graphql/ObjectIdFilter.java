package io.cores.audit.graphql;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

import com.querydsl.core.BooleanBuilder;
import com.querydsl.core.types.Predicate;
import com.querydsl.core.types.dsl.EntityPathBase;
import com.querydsl.core.types.dsl.Expressions;
import com.querydsl.core.types.dsl.NumberPath;
import com.querydsl.core.types.dsl.StringPath;
import io.cores.platform.graphql.FilterCompiler;
import io.cores.platform.graphql.FilterField;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.InvalidInputException;

/**
 * {@code objectId: IDFilter} on records that point at any object by (type name, key): each
 * global id in the filter is decoded to that pair, so a client filters with the same id it
 * got from the object itself. The pair is never null, so {@code isNull: true} and
 * {@code eq: null} match nothing.
 */
final class ObjectIdFilter<Q extends EntityPathBase<?>> implements FilterField.Custom<Q> {

	private static final Predicate NOTHING = Expressions.booleanTemplate("1 = 0");

	private final Function<Q, StringPath> type;
	private final Function<Q, NumberPath<Long>> key;

	ObjectIdFilter(Function<Q, StringPath> type, Function<Q, NumberPath<Long>> key) {
		this.type = type;
		this.key = key;
	}

	@Override
	@SuppressWarnings("unchecked")
	public Predicate compile(Q alias, Object value, FilterCompiler compiler, String argument) {
		var all = new BooleanBuilder();
		for (var op : ((Map<String, Object>) value).entrySet()) {
			var raw = op.getValue();
			var at = argument + "." + op.getKey();
			switch (op.getKey()) {
				case "eq" -> all.and(raw == null ? NOTHING : is(alias, (String) raw, at));
				case "ne" -> {
					if (raw != null) {
						all.and(is(alias, (String) raw, at).not());
					}
				}
				case "in" -> all.and(anyOf(alias, (Collection<String>) raw, at));
				case "notIn" -> all.and(anyOf(alias, (Collection<String>) raw, at).not());
				case "isNull" -> {
					if (Boolean.TRUE.equals(raw)) {
						all.and(NOTHING);
					}
				}
				default -> throw new InvalidInputException(at, "is not an operator of IDFilter");
			}
		}
		return all.getValue();
	}

	private Predicate is(Q alias, String id, String at) {
		var decoded = GlobalId.decode(id, at);
		return type.apply(alias).eq(decoded.type()).and(key.apply(alias).eq(decoded.key()));
	}

	private Predicate anyOf(Q alias, Collection<String> ids, String at) {
		if (ids == null) {
			throw new InvalidInputException(at, "may not be null");
		}
		var any = new BooleanBuilder();
		var i = 0;
		for (var id : ids) {
			any.or(is(alias, id, at + "." + i++));
		}
		return any.hasValue() ? any.getValue() : NOTHING;
	}
}

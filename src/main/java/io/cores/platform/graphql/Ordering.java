package io.cores.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.querydsl.core.BooleanBuilder;
import com.querydsl.core.types.Expression;
import com.querydsl.core.types.ExpressionUtils;
import com.querydsl.core.types.Order;
import com.querydsl.core.types.OrderSpecifier;
import com.querydsl.core.types.Predicate;
import com.querydsl.core.types.dsl.ComparableExpressionBase;
import com.querydsl.core.types.dsl.EntityPathBase;
import com.querydsl.core.types.dsl.Expressions;
import io.cores.platform.persistence.Json;

/**
 * The sort order of one connection query and the keyset cursors that walk it. The order is
 * the client's {@code orderBy} followed by the id, so it is total and stable; a cursor holds
 * the sort values of its row (not an offset), so it stays valid when rows are inserted before
 * it. Nulls sort as PostgreSQL sorts them by default: last ascending, first descending.
 */
final class Ordering {

	record Key(String field, ComparableExpressionBase<?> expression, boolean ascending) {
	}

	private static final Predicate NEVER = Expressions.booleanTemplate("1 = 0");

	private final List<Key> keys;
	private final String signature;

	private Ordering(List<Key> keys) {
		this.keys = List.copyOf(keys);
		var text = new StringBuilder();
		for (var key : keys) {
			text.append(key.field()).append(key.ascending() ? "+" : "-");
		}
		this.signature = text.toString();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static Ordering of(NodeType<?, ?> type, EntityPathBase<?> alias, List<Map<String, Object>> orderBy, String argument) {
		var keys = new ArrayList<Key>();
		var orders = (Map) type.orders();
		if (orderBy != null) {
			for (var item : orderBy) {
				var field = String.valueOf(item.get("field"));
				var path = (java.util.function.Function) orders.get(field);
				if (path == null) {
					throw new InvalidInputException(argument, field + " is not a sort field of " + type.name());
				}
				keys.add(new Key(field, (ComparableExpressionBase<?>) path.apply(alias),
						!"DESC".equals(String.valueOf(item.get("direction")))));
				if (field.equals("ID")) {
					return new Ordering(keys);
				}
			}
		}
		keys.add(new Key("ID", type.idOf(alias), true));
		return new Ordering(keys);
	}

	List<Key> keys() {
		return keys;
	}

	/** The expressions whose values a row's cursor holds, in key order. */
	Expression<?>[] expressions() {
		return keys.stream().map(Key::expression).toArray(Expression<?>[]::new);
	}

	OrderSpecifier<?>[] specifiers(boolean reversed) {
		var specifiers = new OrderSpecifier<?>[keys.size()];
		for (int i = 0; i < keys.size(); i++) {
			var key = keys.get(i);
			boolean ascending = key.ascending() != reversed;
			specifiers[i] = ascending ? key.expression().asc().nullsLast() : key.expression().desc().nullsFirst();
		}
		return specifiers;
	}

	/** Rows strictly after the cursor's row in this order (or, reversed, strictly before it). */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	Predicate after(Object[] values, boolean reversed) {
		Predicate result = null;
		for (int i = keys.size() - 1; i >= 0; i--) {
			var key = keys.get(i);
			Expression path = key.expression();
			Object value = values[i];
			boolean ascending = key.ascending() != reversed;
			Predicate beyond;
			Predicate equal;
			if (value == null) {
				beyond = ascending ? NEVER : ExpressionUtils.isNotNull(path);
				equal = ExpressionUtils.isNull(path);
			}
			else {
				var constant = Expressions.constant(value);
				beyond = ascending
						? ExpressionUtils.or(Expressions.predicate(com.querydsl.core.types.Ops.GT, path, constant),
								ExpressionUtils.isNull(path))
						: Expressions.predicate(com.querydsl.core.types.Ops.LT, path, constant);
				equal = Expressions.predicate(com.querydsl.core.types.Ops.EQ, path, constant);
			}
			result = result == null ? beyond : ExpressionUtils.or(beyond, ExpressionUtils.and(equal, result));
		}
		return new BooleanBuilder(result).getValue();
	}

	String cursor(Object[] values) {
		var texts = new ArrayList<String>(values.length);
		for (var value : values) {
			texts.add(value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString());
		}
		var json = Json.write(Map.of("o", signature, "v", texts));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	/** The sort values a cursor holds; a cursor of another ordering or a malformed one is refused. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	Object[] decode(String cursor, String argument) {
		Map<String, Object> parsed;
		try {
			parsed = (Map<String, Object>) Json.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException(argument, "is not a valid cursor");
		}
		if (!signature.equals(parsed.get("o")) || !(parsed.get("v") instanceof List<?> texts) || texts.size() != keys.size()) {
			throw new InvalidInputException(argument, "is a cursor of another ordering; use cursors from this query");
		}
		var values = new Object[keys.size()];
		for (int i = 0; i < values.length; i++) {
			var text = (String) texts.get(i);
			Class type = keys.get(i).expression().getType();
			try {
				values[i] = text == null ? null : parse(type, text);
			}
			catch (RuntimeException ex) {
				throw new InvalidInputException(argument, "is not a valid cursor");
			}
		}
		return values;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object parse(Class type, String text) {
		if (type == String.class) {
			return text;
		}
		if (type == Long.class) {
			return Long.valueOf(text);
		}
		if (type == Integer.class) {
			return Integer.valueOf(text);
		}
		if (type == Boolean.class) {
			return Boolean.valueOf(text);
		}
		if (type == OffsetDateTime.class) {
			return OffsetDateTime.parse(text);
		}
		if (type.isEnum()) {
			return Enum.valueOf(type, text);
		}
		throw new IllegalArgumentException("cannot sort on " + type);
	}
}

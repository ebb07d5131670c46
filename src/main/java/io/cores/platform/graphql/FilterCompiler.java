package io.cores.platform.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.querydsl.core.BooleanBuilder;
import com.querydsl.core.types.Expression;
import com.querydsl.core.types.ExpressionUtils;
import com.querydsl.core.types.Ops;
import com.querydsl.core.types.Predicate;
import com.querydsl.core.types.dsl.EntityPathBase;
import com.querydsl.core.types.dsl.Expressions;
import com.querydsl.core.types.dsl.NumberPath;
import com.querydsl.core.types.dsl.StringExpression;
import com.querydsl.jpa.JPAExpressions;
import graphql.GraphQLContext;

/**
 * Compiles a filter input ({@code HostFilter} and friends) into one Querydsl predicate, run
 * by the database. Relations become subqueries, each on a fresh alias so that a type may
 * be filtered through itself ({@code Host.vmHost}). One compiler serves one query.
 */
public final class FilterCompiler {

	private static final Predicate NOTHING = Expressions.booleanTemplate("1 = 0");

	private final NodeTypes types;
	private final GraphQLContext context;
	private int aliases;

	/** A compiler for one request; {@code context} decides which related rows the caller may see. */
	public FilterCompiler(NodeTypes types, GraphQLContext context) {
		this.types = types;
		this.context = context;
	}

	/** A node type by name, for a custom filter field that nests another type's filter. */
	public NodeType<?, ?> type(String name) {
		return types.get(name);
	}

	/** The predicate for {@code filter} on {@code type}, queried as {@code alias}; null when it has no conditions. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public Predicate compile(NodeType<?, ?> type, EntityPathBase<?> alias, Map<String, Object> filter, String argument) {
		var all = new BooleanBuilder();
		if (filter == null) {
			return null;
		}
		for (var entry : filter.entrySet()) {
			var key = entry.getKey();
			var value = entry.getValue();
			var at = argument + "." + key;
			if (value == null) {
				continue;
			}
			switch (key) {
				case "and" -> {
					for (var item : (List<Map<String, Object>>) value) {
						all.and(compile(type, alias, item, at));
					}
				}
				case "or" -> all.and(any(type, alias, (List<Map<String, Object>>) value, at));
				case "not" -> {
					var inner = compile(type, alias, (Map<String, Object>) value, at);
					all.and(inner == null ? NOTHING : isNotTrue(inner));
				}
				default -> {
					var field = type.filters().get(key);
					if (field == null) {
						throw new IllegalStateException(type.name() + " declares no filter field " + key);
					}
					all.and(compileField(type, alias, field, value, at));
				}
			}
		}
		return all.getValue();
	}

	/** At least one branch holds; a branch without conditions holds always, so the whole or does. */
	private Predicate any(NodeType<?, ?> type, EntityPathBase<?> alias, List<Map<String, Object>> branches, String at) {
		var any = new BooleanBuilder();
		for (var branch : branches) {
			var one = compile(type, alias, branch, at);
			if (one == null) {
				return null;
			}
			any.or(one);
		}
		return any.hasValue() ? any.getValue() : NOTHING;
	}

	/**
	 * Negation in two-valued logic: SQL's NOT of an unknown (a comparison with null) is unknown,
	 * which would drop rows a person expects "not X" to keep, such as a NIC without a role under
	 * {@code not: { role: { eq: "mgmt" } } }.
	 */
	private static Predicate isNotTrue(Predicate condition) {
		return Expressions.cases().when(condition).then(1).otherwise(0).eq(0);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Predicate compileField(NodeType<?, ?> type, EntityPathBase<?> alias, FilterField field, Object value, String at) {
		if (field instanceof FilterField.Scalar scalar) {
			var path = (Expression<?>) scalar.path().apply(alias);
			var exact = scalar(scalar.kind(), path, (Map<String, Object>) value, scalar.enumType(), type.name(), at);
			return scalar.uniqueIgnoringCase()
					? ExpressionUtils.allOf(exact, throughLowerIndex((StringExpression) path, (Map<String, Object>) value))
					: exact;
		}
		if (field instanceof FilterField.OfRelation of) {
			return relation(type, alias, of.relation(), (Map<String, Object>) value, at);
		}
		return ((FilterField.Custom) field).compile(alias, value, this, at);
	}

	/**
	 * What an exact match implies of {@code lower(column)}, for a column whose unique index is
	 * on {@code lower(column)}: the same rows, found through that index. Null when no exact
	 * match is asked.
	 */
	private static Predicate throughLowerIndex(StringExpression path, Map<String, Object> ops) {
		var all = new BooleanBuilder();
		if (ops.get("eq") instanceof String value) {
			all.and(path.lower().eq(Expressions.asString(value).lower()));
		}
		if (ops.get("in") instanceof Collection<?> values && !values.isEmpty()
				&& values.stream().allMatch(String.class::isInstance)) {
			var any = new BooleanBuilder();
			values.forEach(v -> any.or(path.lower().eq(Expressions.asString((String) v).lower())));
			all.and(any.getValue());
		}
		return all.getValue();
	}

	/**
	 * The scalar operators. {@code ne} and {@code notIn} also match null ("is distinct
	 * from"), which is what a person filtering out one value expects.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public Predicate scalar(ScalarKind kind, Expression<?> path, Map<String, Object> ops, Class<? extends Enum> enumType,
			String idType, String argument) {
		var all = new BooleanBuilder();
		for (var op : ops.entrySet()) {
			var name = op.getKey();
			var raw = op.getValue();
			var at = argument + "." + name;
			if (!kind.operators().contains(name)) {
				throw new InvalidInputException(at, "is not an operator of " + kind);
			}
			if (raw == null) {
				switch (name) {
					case "eq" -> all.and(ExpressionUtils.isNull(path));
					case "ne" -> all.and(ExpressionUtils.isNotNull(path));
					default -> throw new InvalidInputException(at, "may not be null");
				}
				continue;
			}
			switch (name) {
				case "eq" -> all.and(Expressions.predicate(Ops.EQ, path, Expressions.constant(constant(kind, raw, enumType, idType, at))));
				case "ne" -> all.and(ExpressionUtils.or(
						Expressions.predicate(Ops.NE, path, Expressions.constant(constant(kind, raw, enumType, idType, at))),
						ExpressionUtils.isNull(path)));
				case "in" -> {
					var values = constants(kind, (Collection<?>) raw, enumType, idType, at);
					all.and(values.isEmpty() ? NOTHING : ExpressionUtils.in((Expression) path, values));
				}
				case "notIn" -> {
					var values = constants(kind, (Collection<?>) raw, enumType, idType, at);
					if (!values.isEmpty()) {
						all.and(ExpressionUtils.or(ExpressionUtils.notIn((Expression) path, values),
								ExpressionUtils.isNull(path)));
					}
				}
				case "isNull" -> all.and((Boolean) raw ? ExpressionUtils.isNull(path) : ExpressionUtils.isNotNull(path));
				case "lt" -> all.and(Expressions.predicate(Ops.LT, path, Expressions.constant(constant(kind, raw, enumType, idType, at))));
				case "lte" -> all.and(Expressions.predicate(Ops.LOE, path, Expressions.constant(constant(kind, raw, enumType, idType, at))));
				case "gt" -> all.and(Expressions.predicate(Ops.GT, path, Expressions.constant(constant(kind, raw, enumType, idType, at))));
				case "gte" -> all.and(Expressions.predicate(Ops.GOE, path, Expressions.constant(constant(kind, raw, enumType, idType, at))));
				case "contains" -> all.and(((StringExpression) path).contains((String) raw));
				case "startsWith" -> all.and(kind == ScalarKind.MAC ? macRange(path, macPrefix((String) raw, at))
						: ((StringExpression) path).startsWith((String) raw));
				case "endsWith" -> all.and(((StringExpression) path).endsWith((String) raw));
				case "iContains" -> all.and(((StringExpression) path).containsIgnoreCase((String) raw));
				case "iEq" -> all.and(((StringExpression) path).equalsIgnoreCase((String) raw));
				case "inSubnet" -> all.and(Expressions.booleanTemplate("inet_in_subnet({0}, {1}) = true", path, raw));
				case "containsIp" -> all.and(Expressions.booleanTemplate("cidr_contains_ip({0}, {1}) = true", path, raw));
				default -> throw new InvalidInputException(at, "is not a known operator");
			}
		}
		return all.getValue();
	}

	/**
	 * The MACs a prefix starts: the range from the prefix padded with zeros to it padded with
	 * f's, which the MAC column's index answers (a text match on every row's MAC would not).
	 */
	private static Predicate macRange(Expression<?> path, String prefix) {
		var hex = prefix.replace(":", "");
		var low = (hex + "0".repeat(12 - hex.length())).replaceAll("(..)(?=.)", "$1:");
		var high = (hex + "f".repeat(12 - hex.length())).replaceAll("(..)(?=.)", "$1:");
		return ExpressionUtils.and(Expressions.predicate(Ops.GOE, path, Expressions.constant(low)),
				Expressions.predicate(Ops.LOE, path, Expressions.constant(high)));
	}

	/** A vendor prefix in any MAC spelling ("00-1B-21", "001b.21") as the stored lower-case colon form. */
	private static String macPrefix(String raw, String at) {
		var hex = raw.toLowerCase(java.util.Locale.ROOT).replaceAll("[:.-]", "");
		if (!hex.matches("[0-9a-f]{0,12}")) {
			throw new InvalidInputException(at, "'" + raw + "' is not the start of a MAC address");
		}
		return hex.replaceAll("(..)(?=.)", "$1:");
	}

	private List<Object> constants(ScalarKind kind, Collection<?> raw, Class<? extends Enum> enumType, String idType,
			String at) {
		var values = new ArrayList<>(raw.size());
		for (var item : raw) {
			if (item == null) {
				throw new InvalidInputException(at, "may not contain null");
			}
			values.add(constant(kind, item, enumType, idType, at));
		}
		return values;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Object constant(ScalarKind kind, Object raw, Class<? extends Enum> enumType, String idType, String at) {
		return switch (kind) {
			case ID -> GlobalId.decodeKey((String) raw, idType, at);
			case ENUM -> raw instanceof Enum<?> e ? e : Enum.valueOf(enumType, (String) raw);
			case LONG -> ((Number) raw).longValue();
			default -> raw;
		};
	}

	@SuppressWarnings("unchecked")
	private Predicate relation(NodeType<?, ?> owner, EntityPathBase<?> alias, Relation relation, Map<String, Object> value,
			String at) {
		var target = types.get(relation.target());
		var ownerId = owner.idOf(alias);
		if (relation instanceof Relation.ToOne r) {
			var key = r.keyPath().apply(alias);
			var t = fresh(target);
			var visible = target.visibility(context, t);
			if (visible == null && value.size() == 1 && value.get("id") instanceof Map<?, ?> idOps) {
				// a filter on the related id alone needs no subquery: compare the foreign key (only
				// where the caller sees every target row, or the filter would tell hidden ids apart)
				return scalar(ScalarKind.ID, key, (Map<String, Object>) idOps, null, target.name(), at + ".id");
			}
			return key.in(JPAExpressions.select(target.idOf(t)).from(t).where(compile(target, t, value, at), visible));
		}
		if (relation instanceof Relation.Back r) {
			var t = fresh(target);
			var key = r.targetKey().apply(t);
			return ownerId.in(JPAExpressions.select(key).from(t)
				.where(compile(target, t, value, at), target.visibility(context, t)));
		}
		var all = new BooleanBuilder();
		for (var entry : value.entrySet()) {
			if (entry.getValue() == null) {
				continue;
			}
			var quantifier = entry.getKey();
			var nestedAt = at + "." + quantifier;
			var nested = (Map<String, Object>) entry.getValue();
			switch (quantifier) {
				case "some" -> all.and(ownerId.in(children(relation, target, nested, false, nestedAt)));
				case "none" -> all.and(ownerId.notIn(children(relation, target, nested, false, nestedAt)));
				case "every" -> all.and(ownerId.notIn(children(relation, target, nested, true, nestedAt)));
				default -> throw new InvalidInputException(nestedAt, "is not some, none or every");
			}
		}
		return all.getValue();
	}

	/** The owner keys of the children that match (or, negated, fail) the nested filter. */
	private com.querydsl.core.types.SubQueryExpression<Long> children(Relation relation, NodeType<?, ?> target,
			Map<String, Object> nested, boolean negate, String at) {
		var t = fresh(target);
		var condition = compile(target, t, nested, at);
		if (negate) {
			condition = condition == null ? NOTHING : isNotTrue(condition);
		}
		var visible = target.visibility(context, t);
		if (relation instanceof Relation.Many r) {
			NumberPath<Long> key = r.targetKey().apply(t);
			return JPAExpressions.select(key).from(t)
				.where(key.isNotNull(), r.where() == null ? null : r.where().apply(t), condition, visible);
		}
		var r = (Relation.Link) relation;
		var link = r.link().apply("link_" + (++aliases));
		var targets = JPAExpressions.select(target.idOf(t)).from(t).where(condition, visible);
		return JPAExpressions.select(r.ownerKey().apply(link)).from(link)
			.where(r.where() == null ? null : r.where().apply(link), r.targetKey().apply(link).in(targets));
	}

	private EntityPathBase<?> fresh(NodeType<?, ?> type) {
		return type.alias(type.singular() + "_" + (++aliases));
	}
}

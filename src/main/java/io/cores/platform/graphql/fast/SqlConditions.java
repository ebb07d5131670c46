package io.cores.platform.graphql.fast;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.StringJoiner;

import com.querydsl.core.types.Constant;
import com.querydsl.core.types.Expression;
import com.querydsl.core.types.Operation;
import com.querydsl.core.types.Ops;
import com.querydsl.core.types.Path;
import com.querydsl.core.types.TemplateExpression;

/**
 * Writes the conditions the filter compiler builds (Querydsl, over entity properties) as SQL
 * over one alias's columns, for the part of them that is plain: comparisons of a column with
 * values, and/or/not, null checks, lists, {@code lower()}, and the string matches. Values are written as SQL
 * literals (strings quoted, with standard_conforming_strings, PostgreSQL's default since 9.1).
 * A relation filter, a function template or anything else is not plain, and the resolvers
 * answer. So the filter's meaning is decided in one place, the compiler, and only its plain
 * results are spelled here.
 */
final class SqlConditions {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final Columns columns;
	private final Class<?> entity;
	private final Path<?> root;
	private final String alias;

	SqlConditions(Columns columns, Class<?> entity, Path<?> root, String alias) {
		this.columns = columns;
		this.entity = entity;
		this.root = root;
		this.alias = alias;
	}

	String sql(Expression<?> expression) {
		if (expression instanceof Path<?> path) {
			return column(path);
		}
		if (expression instanceof Constant<?> constant) {
			return literal(constant.getConstant());
		}
		if (expression instanceof TemplateExpression<?> template && template.getArgs().isEmpty()
				&& template.getTemplate().toString().equals("1 = 0")) {
			return "(1 = 0)"; // what matches nothing: an empty in, a cursor past the end
		}
		if (!(expression instanceof Operation<?> operation)) {
			throw NotPlain.INSTANCE;
		}
		var args = operation.getArgs();
		var op = operation.getOperator();
		if (op == Ops.AND || op == Ops.OR) {
			return "(" + sql(args.get(0)) + (op == Ops.AND ? " AND " : " OR ") + sql(args.get(1)) + ")";
		}
		if (op == Ops.NOT) {
			return "(NOT " + sql(args.get(0)) + ")";
		}
		if (op == Ops.LOWER) {
			return "lower(" + sql(args.get(0)) + ")";
		}
		if (op == Ops.IS_NULL || op == Ops.IS_NOT_NULL) {
			return "(" + sql(args.get(0)) + (op == Ops.IS_NULL ? " IS NULL)" : " IS NOT NULL)");
		}
		if (op == Ops.IN || op == Ops.NOT_IN) {
			return "(" + sql(args.get(0)) + (op == Ops.IN ? " IN " : " NOT IN ") + sql(args.get(1)) + ")";
		}
		var comparison = comparison(op);
		if (comparison != null) {
			return "(" + sql(args.get(0)) + " " + comparison + " " + sql(args.get(1)) + ")";
		}
		if (op == Ops.STARTS_WITH || op == Ops.ENDS_WITH || op == Ops.STRING_CONTAINS || op == Ops.STRING_CONTAINS_IC
				|| op == Ops.EQ_IGNORE_CASE) {
			return match(op, sql(args.get(0)), value(args.get(1)));
		}
		throw NotPlain.INSTANCE;
	}

	private static String comparison(com.querydsl.core.types.Operator op) {
		if (op == Ops.EQ) {
			return "=";
		}
		if (op == Ops.NE) {
			return "<>";
		}
		if (op == Ops.LT) {
			return "<";
		}
		if (op == Ops.LOE) {
			return "<=";
		}
		if (op == Ops.GT) {
			return ">";
		}
		if (op == Ops.GOE) {
			return ">=";
		}
		return null;
	}

	/** LIKE as Querydsl's JPQL writes it: the value's own wildcards escaped. */
	private static String match(com.querydsl.core.types.Operator op, String column, String value) {
		if (op == Ops.EQ_IGNORE_CASE) {
			return "(lower(" + column + ") = " + quoted(value.toLowerCase(java.util.Locale.ROOT)) + ")";
		}
		var escaped = value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
		var pattern = op == Ops.STARTS_WITH ? escaped + "%" : op == Ops.ENDS_WITH ? "%" + escaped : "%" + escaped + "%";
		if (op == Ops.STRING_CONTAINS_IC) {
			return "(lower(" + column + ") LIKE " + quoted(pattern.toLowerCase(java.util.Locale.ROOT)) + " ESCAPE '!')";
		}
		return "(" + column + " LIKE " + quoted(pattern) + " ESCAPE '!')";
	}

	private static String value(Expression<?> expression) {
		if (expression instanceof Constant<?> constant && constant.getConstant() instanceof String text) {
			return text;
		}
		throw NotPlain.INSTANCE;
	}

	/** A property of the alias itself (never of another entity: those are relation filters). */
	String column(Path<?> path) {
		if (!root.equals(path.getMetadata().getParent())) {
			throw NotPlain.INSTANCE;
		}
		var column = columns.column(entity, path.getMetadata().getName());
		if (column == null) {
			throw NotPlain.INSTANCE;
		}
		return alias + "." + column;
	}

	private static String literal(Object value) {
		if (value instanceof Collection<?> values) {
			var list = new StringJoiner(", ", "(", ")");
			values.forEach(v -> list.add(literal(v)));
			return list.toString();
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short) {
			return value.toString();
		}
		if (value instanceof Boolean b) {
			return b ? "true" : "false";
		}
		if (value instanceof Enum<?> e) {
			return quoted(e.name());
		}
		if (value instanceof String s) {
			return quoted(s);
		}
		if (value instanceof OffsetDateTime time) {
			return quoted(TIMESTAMP.format(time.withOffsetSameInstant(ZoneOffset.UTC))) + "::timestamptz";
		}
		throw NotPlain.INSTANCE;
	}

	private static String quoted(String text) {
		if (text.indexOf('\0') >= 0) {
			throw NotPlain.INSTANCE;
		}
		return "'" + text.replace("'", "''") + "'";
	}
}

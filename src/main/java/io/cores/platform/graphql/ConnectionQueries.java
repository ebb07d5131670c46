package io.cores.platform.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.querydsl.core.Tuple;
import com.querydsl.core.types.Expression;
import com.querydsl.core.types.Predicate;
import com.querydsl.core.types.dsl.EntityPathBase;
import com.querydsl.core.types.dsl.NumberPath;
import com.querydsl.jpa.impl.JPAQuery;
import com.querydsl.jpa.impl.JPAQueryFactory;
import graphql.GraphQLContext;
import org.hibernate.jpa.HibernateHints;
import org.springframework.stereotype.Component;

import io.cores.platform.persistence.BaseEntity;

/**
 * Runs the read path's queries: a root connection page, the nested connections of many
 * parents at once, and objects by id. Every query is one SQL statement whatever the number
 * of parents, and reads entities read-only (no dirty-checking snapshots).
 */
@Component
public class ConnectionQueries {

	private final JPAQueryFactory queries;
	private final NodeTypes types;

	public ConnectionQueries(JPAQueryFactory queries, NodeTypes types) {
		this.queries = queries;
		this.types = types;
	}

	/** A page of a root connection such as {@code hosts}. */
	public Connection<Object> root(NodeType<?, ?> type, ConnectionArgs args, GraphQLContext context) {
		var alias = type.root();
		var filter = com.querydsl.core.types.ExpressionUtils.allOf(
				new FilterCompiler(types, context).compile(type, alias, args.filter(), "filter"), type.visibility(context, alias));
		var page = Page.of(type, alias, args);
		var rows = select(alias, page, null).from(alias).where(filter, page.keyset()).limit(args.size() + 1L).fetch();
		return page.connection(rows, () -> (int) queries.select(type.idOf(alias).count()).from(alias).where(filter)
			.fetchOne().longValue());
	}

	/** The pages of a to-many relation for many parents, each page cut from one query's rows. */
	public Map<Long, Connection<Object>> many(Relation relation, Collection<Long> parentIds, ConnectionArgs args,
			GraphQLContext context) {
		var target = types.get(relation.target());
		var alias = target.root();
		var filter = com.querydsl.core.types.ExpressionUtils.allOf(
				new FilterCompiler(types, context).compile(target, alias, args.filter(), "filter"),
				target.visibility(context, alias));
		var page = Page.of(target, alias, args);
		NumberPath<Long> parentKey;
		JPAQuery<Tuple> query;
		Predicate scope;
		if (relation instanceof Relation.Many many) {
			parentKey = many.targetKey().apply(alias);
			query = select(alias, page, parentKey).from(alias);
			scope = many.where() == null ? null : many.where().apply(alias);
		}
		else {
			var link = (Relation.Link) relation;
			var linkAlias = link.link().apply("link");
			parentKey = link.ownerKey().apply(linkAlias);
			query = select(alias, page, parentKey).from(alias, linkAlias);
			scope = link.targetKey().apply(linkAlias).eq(target.idOf(alias));
			if (link.where() != null) {
				scope = com.querydsl.core.types.ExpressionUtils.and(scope, link.where().apply(linkAlias));
			}
		}
		var rows = query.where(parentKey.in(parentIds), scope, filter, page.keyset()).fetch();
		Map<Long, List<Tuple>> byParent = new HashMap<>();
		int keyIndex = page.expressions().length;
		for (var row : rows) {
			byParent.computeIfAbsent(row.get(keyIndex, Long.class), k -> new ArrayList<>()).add(row);
		}
		Map<Long, Integer> counts = args.count() ? counts(relation, target, parentIds, args.filter(), context) : Map.of();
		var result = new LinkedHashMap<Long, Connection<Object>>();
		for (var parentId : parentIds) {
			var own = byParent.getOrDefault(parentId, List.of());
			var trimmed = own.size() > args.size() + 1 ? own.subList(0, args.size() + 1) : own;
			int count = counts.getOrDefault(parentId, 0);
			result.put(parentId, page.connection(trimmed, () -> count));
		}
		return result;
	}

	private Map<Long, Integer> counts(Relation relation, NodeType<?, ?> target, Collection<Long> parentIds,
			Map<String, Object> filterArgs, GraphQLContext context) {
		var alias = target.alias("counted");
		var filter = com.querydsl.core.types.ExpressionUtils.allOf(
				new FilterCompiler(types, context).compile(target, alias, filterArgs, "filter"),
				target.visibility(context, alias));
		List<Tuple> rows;
		if (relation instanceof Relation.Many many) {
			var key = many.targetKey().apply(alias);
			rows = queries.select(key, key.count()).from(alias)
				.where(key.in(parentIds), many.where() == null ? null : many.where().apply(alias), filter)
				.groupBy(key).fetch();
		}
		else {
			var link = (Relation.Link) relation;
			var linkAlias = link.link().apply("counted_link");
			var key = link.ownerKey().apply(linkAlias);
			rows = queries.select(key, key.count()).from(alias, linkAlias)
				.where(key.in(parentIds), link.targetKey().apply(linkAlias).eq(target.idOf(alias)),
						link.where() == null ? null : link.where().apply(linkAlias), filter)
				.groupBy(key).fetch();
		}
		var counts = new HashMap<Long, Integer>();
		for (var row : rows) {
			counts.put(row.get(0, Long.class), row.get(1, Long.class).intValue());
		}
		return counts;
	}

	/** Objects of one type by id, those the caller may see. */
	public Map<Long, Object> byIds(NodeType<?, ?> type, Collection<Long> ids, GraphQLContext context) {
		var alias = type.root();
		var result = new HashMap<Long, Object>();
		for (var entity : readOnly(queries.select(alias).from(alias)
			.where(type.idOf(alias).in(ids), type.visibility(context, alias))).fetch()) {
			result.put(((BaseEntity) entity).getId(), entity);
		}
		return result;
	}

	/** The targets of a to-one relation whose key is on the target, by owner id. */
	public Map<Long, Object> back(Relation.Back relation, Collection<Long> ownerIds, GraphQLContext context) {
		var target = types.get(relation.target());
		var alias = target.root();
		var key = relation.targetKey().apply(alias);
		var result = new HashMap<Long, Object>();
		for (var row : readOnly(queries.select(alias, key).from(alias)
			.where(key.in(ownerIds), target.visibility(context, alias))).fetch()) {
			result.put(row.get(key), row.get(alias));
		}
		return result;
	}

	private JPAQuery<Tuple> select(EntityPathBase<?> alias, Page page, NumberPath<Long> parentKey) {
		var expressions = new ArrayList<Expression<?>>();
		Collections.addAll(expressions, page.expressions());
		if (parentKey != null) {
			expressions.add(parentKey);
		}
		expressions.add(alias);
		return readOnly(queries.select(expressions.toArray(Expression<?>[]::new)).orderBy(page.specifiers()));
	}

	private static <T> JPAQuery<T> readOnly(JPAQuery<T> query) {
		return query.setHint(HibernateHints.HINT_READ_ONLY, true);
	}

	/** One connection request's order, cursor position and page size. */
	private record Page(Ordering ordering, ConnectionArgs args, Object[] position) {

		static Page of(NodeType<?, ?> type, EntityPathBase<?> alias, ConnectionArgs args) {
			var ordering = Ordering.of(type, alias, args.orderBy(), "orderBy");
			var position = args.cursor() == null ? null : ordering.decode(args.cursor(), args.cursorArgument());
			return new Page(ordering, args, position);
		}

		Expression<?>[] expressions() {
			return ordering.expressions();
		}

		com.querydsl.core.types.OrderSpecifier<?>[] specifiers() {
			return ordering.specifiers(args.backward());
		}

		Predicate keyset() {
			return position == null ? null : ordering.after(position, args.backward());
		}

		/**
		 * Rows come sorted in the walking direction, one more than the page to tell whether
		 * another page follows; the entity is the tuple's last element.
		 */
		Connection<Object> connection(List<Tuple> rows, java.util.function.IntSupplier count) {
			int keys = ordering.keys().size();
			boolean more = rows.size() > args.size();
			var kept = more ? rows.subList(0, args.size()) : rows;
			var edges = new ArrayList<Edge<Object>>(kept.size());
			for (var row : kept) {
				var values = new Object[keys];
				for (int i = 0; i < keys; i++) {
					values[i] = row.get(i, Object.class);
				}
				edges.add(new Edge<>(row.get(row.size() - 1, Object.class), values, ordering::cursor));
			}
			if (args.backward()) {
				Collections.reverse(edges);
			}
			boolean cameFromCursor = position != null;
			var pageInfo = args.backward() ? new PageInfo(cameFromCursor, more, edges) : new PageInfo(more, cameFromCursor, edges);
			return new Connection<>(edges, pageInfo, count);
		}
	}
}

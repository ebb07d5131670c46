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
import com.querydsl.core.types.OrderSpecifier;
import com.querydsl.jpa.JPQLSerializer;
import com.querydsl.jpa.JPQLTemplates;
import com.querydsl.jpa.impl.JPAProvider;
import com.querydsl.jpa.impl.JPAQuery;
import com.querydsl.jpa.impl.JPAUtil;
import jakarta.persistence.EntityManager;
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
	private final EntityManager entityManager;
	private volatile JPQLTemplates templates;

	public ConnectionQueries(JPAQueryFactory queries, NodeTypes types, EntityManager entityManager) {
		this.queries = queries;
		this.types = types;
		this.entityManager = entityManager;
	}

	/** One key of a connection's sort order: the client's orderBy, then the id. */
	public record SortKey(Expression<?> expression, boolean ascending) {
	}

	/**
	 * The sort order a connection of {@code type} reads in for {@code orderBy}, as its queries
	 * here apply it (ascending keys put nulls last, descending ones first); an unknown field is
	 * refused as they refuse it.
	 */
	public static List<SortKey> sortOrder(NodeType<?, ?> type, EntityPathBase<?> alias, List<Map<String, Object>> orderBy) {
		return Ordering.of(type, alias, orderBy, "orderBy").keys().stream()
			.map(key -> new SortKey(key.expression(), key.ascending())).toList();
	}

	/** A page of a root connection such as {@code hosts}. */
	public Connection<Object> root(NodeType<?, ?> type, ConnectionArgs args, GraphQLContext context) {
		var alias = type.root();
		return rootPage(type, alias, alias, args, context);
	}

	/**
	 * The same page as {@link #root} with only the keys of its objects as nodes: for readers
	 * that fetch the objects' fields themselves (the fast read path), with the same filter,
	 * visibility, order, cursors and count.
	 */
	@SuppressWarnings("unchecked")
	public Connection<Long> rootKeys(NodeType<?, ?> type, ConnectionArgs args, GraphQLContext context) {
		var alias = type.root();
		return (Connection<Long>) (Connection<?>) rootPage(type, alias, type.idOf(alias), args, context);
	}

	private Connection<Object> rootPage(NodeType<?, ?> type, EntityPathBase<?> alias, Expression<?> node,
			ConnectionArgs args, GraphQLContext context) {
		var filter = com.querydsl.core.types.ExpressionUtils.allOf(
				new FilterCompiler(types, context).compile(type, alias, args.filter(), "filter"), type.visibility(context, alias));
		var page = Page.of(type, alias, args);
		var rows = select(node, page).from(alias).where(filter, page.keyset()).limit(args.size() + 1L).fetch();
		return page.connection(rows.stream().map(Tuple::toArray).toList(), () -> (int) queries.select(type.idOf(alias).count()).from(alias).where(filter)
			.fetchOne().longValue());
	}

	/**
	 * The page {@link #rootKeys} reads, in parts, for a reader that writes its statement
	 * itself (the fast read path, in SQL): the same filter, visibility, cursor and order, so
	 * the page and its cursors are the same.
	 */
	public KeyPage rootKeyPage(NodeType<?, ?> type, ConnectionArgs args, GraphQLContext context) {
		var alias = type.root();
		var filter = com.querydsl.core.types.ExpressionUtils.allOf(
				new FilterCompiler(types, context).compile(type, alias, args.filter(), "filter"), type.visibility(context, alias));
		return new KeyPage(alias, filter, Page.of(type, alias, args));
	}

	/** A root page's statement in parts; its rows are the sort keys' values, then the id. */
	public static final class KeyPage {

		private final EntityPathBase<?> alias;
		private final Predicate filter;
		private final Page page;

		private KeyPage(EntityPathBase<?> alias, Predicate filter, Page page) {
			this.alias = alias;
			this.filter = filter;
			this.page = page;
		}

		/** The alias the conditions and keys are written over. */
		public EntityPathBase<?> alias() {
			return alias;
		}

		/** Which rows are counted for {@code totalCount}: the filter and visibility; null for all. */
		public Predicate counted() {
			return filter;
		}

		/** Which rows the page is read from: those counted, past the cursor; null for all. */
		public Predicate where() {
			return com.querydsl.core.types.ExpressionUtils.allOf(filter, page.keyset());
		}

		/**
		 * The keys in the order the rows are read (reversed when paging backward); ascending
		 * keys put nulls last, descending ones first.
		 */
		public List<SortKey> walk() {
			return page.ordering().keys().stream()
				.map(key -> new SortKey(key.expression(), key.ascending() != page.args().backward())).toList();
		}

		/** How many rows to read: the page and one more, which tells whether another follows. */
		public int limit() {
			return page.args().size() + 1;
		}

		/** The connection of rows read in {@link #walk} order, each the keys' values and then the id. */
		@SuppressWarnings("unchecked")
		public Connection<Long> connection(List<Object[]> rows, java.util.function.IntSupplier count) {
			return (Connection<Long>) (Connection<?>) page.connection(rows, count);
		}
	}

	/**
	 * The pages of a to-many relation for many parents in one statement. The database ranks
	 * each parent's children in the page's order ({@code row_number() over (partition by
	 * parent ...)}) and returns at most a page and one per parent, so a small nested page of
	 * parents with thousands of children reads a small page, not every child. Querydsl has no
	 * derived tables, so the statement is HQL around fragments Querydsl serializes: filters,
	 * keysets and orderings compile exactly as on every other path.
	 */
	public Map<Long, Connection<Object>> many(Relation relation, Collection<Long> parentIds, ConnectionArgs args,
			GraphQLContext context) {
		var target = types.get(relation.target());
		var inner = target.alias("ranked");
		var outer = target.root();
		var innerPage = Page.of(target, inner, args);
		var page = Page.of(target, outer, args);
		var compiler = new FilterCompiler(types, context);
		var filter = com.querydsl.core.types.ExpressionUtils.allOf(compiler.compile(target, inner, args.filter(), "filter"),
				target.visibility(context, inner), innerPage.keyset());
		var hql = new JPQLSerializer(templates(), entityManager);
		hql.append("select ");
		for (var expression : page.expressions()) {
			hql.handle(expression).append(", ");
		}
		hql.append("r.parent, ").handle(outer).append(" from (select ").handle(target.idOf(inner)).append(" as id, ");
		NumberPath<Long> parentKey;
		Predicate scope;
		String from;
		if (relation instanceof Relation.Many many) {
			parentKey = many.targetKey().apply(inner);
			scope = many.where() == null ? null : many.where().apply(inner);
			from = entityName(target) + " " + inner.getMetadata().getName();
		}
		else {
			var link = (Relation.Link) relation;
			var linkAlias = link.link().apply("link");
			parentKey = link.ownerKey().apply(linkAlias);
			scope = com.querydsl.core.types.ExpressionUtils.and(link.targetKey().apply(linkAlias).eq(target.idOf(inner)),
					link.where() == null ? null : link.where().apply(linkAlias));
			from = entityName(target) + " " + inner.getMetadata().getName() + ", " + linkAlias.getType().getSimpleName()
					+ " " + linkAlias.getMetadata().getName();
		}
		hql.handle(parentKey).append(" as parent, row_number() over (partition by ").handle(parentKey).append(" order by ");
		var specifiers = innerPage.specifiers();
		for (int i = 0; i < specifiers.length; i++) {
			var specifier = specifiers[i];
			hql.append(i == 0 ? "" : ", ").handle(specifier.getTarget())
				.append(specifier.isAscending() ? " asc" : " desc")
				.append(specifier.getNullHandling() == OrderSpecifier.NullHandling.NullsFirst ? " nulls first" : " nulls last");
		}
		hql.append(") as rank from ").append(from).append(" where ")
			.handle(com.querydsl.core.types.ExpressionUtils.allOf(parentKey.in(parentIds), scope, filter))
			.append(") r join ").append(entityName(target)).append(" ").append(outer.getMetadata().getName())
			.append(" on ").handle(target.idOf(outer)).append(" = r.id where r.rank <= ")
			.append(Integer.toString(args.size() + 1)).append(" order by r.parent, r.rank");
		var query = entityManager.createQuery(hql.toString()).setHint(HibernateHints.HINT_READ_ONLY, true);
		JPAUtil.setConstants(query, hql.getConstants(), Map.of());
		@SuppressWarnings("unchecked")
		List<Object[]> rows = query.getResultList();
		Map<Long, List<Object[]>> byParent = new HashMap<>();
		int keyIndex = page.expressions().length;
		for (var row : rows) {
			byParent.computeIfAbsent((Long) row[keyIndex], k -> new ArrayList<>()).add(row);
		}
		Map<Long, Integer> counts = args.count() ? counts(relation, target, parentIds, args.filter(), context) : Map.of();
		var result = new LinkedHashMap<Long, Connection<Object>>();
		for (var parentId : parentIds) {
			int count = counts.getOrDefault(parentId, 0);
			result.put(parentId, page.connection(byParent.getOrDefault(parentId, List.of()), () -> count));
		}
		return result;
	}

	/** The dialect Querydsl's own queries use; resolved on first use, inside a request's session. */
	private JPQLTemplates templates() {
		if (templates == null) {
			templates = JPAProvider.getTemplates(entityManager);
		}
		return templates;
	}

	private static String entityName(NodeType<?, ?> type) {
		return type.entityClass().getSimpleName();
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

	/** Whether an object of the type exists and the caller may see it, by the type's own visibility rule. */
	public boolean visible(NodeType<?, ?> type, long key, GraphQLContext context) {
		var alias = type.root();
		return queries.selectOne().from(alias).where(type.idOf(alias).eq(key), type.visibility(context, alias))
			.fetchFirst() != null;
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

	/**
	 * Objects of one type with keys in {@code (after, upTo]} that match {@code filter} and that
	 * the caller may see, in key order, at most {@code limit}: a feed of new objects filtered
	 * exactly as the type's connection filters them.
	 */
	public List<Object> inKeyRange(NodeType<?, ?> type, long after, long upTo, Map<String, Object> filter, int limit,
			GraphQLContext context) {
		var alias = type.root();
		var key = type.idOf(alias);
		var where = com.querydsl.core.types.ExpressionUtils.allOf(key.gt(after), key.loe(upTo),
				new FilterCompiler(types, context).compile(type, alias, filter, "filter"), type.visibility(context, alias));
		return new ArrayList<>(readOnly(queries.select(alias).from(alias).where(where).orderBy(key.asc()).limit(limit)).fetch());
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

	private JPAQuery<Tuple> select(Expression<?> node, Page page) {
		var expressions = new ArrayList<Expression<?>>();
		Collections.addAll(expressions, page.expressions());
		expressions.add(node);
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

		OrderSpecifier<?>[] specifiers() {
			return ordering.specifiers(args.backward());
		}

		Predicate keyset() {
			return position == null ? null : ordering.after(position, args.backward());
		}

		/**
		 * Rows come sorted in the walking direction, one more than the page to tell whether
		 * another page follows; a row holds the sort values first and the entity last.
		 */
		Connection<Object> connection(List<Object[]> rows, java.util.function.IntSupplier count) {
			int keys = ordering.keys().size();
			boolean more = rows.size() > args.size();
			var kept = more ? rows.subList(0, args.size()) : rows;
			var edges = new ArrayList<Edge<Object>>(kept.size());
			for (var row : kept) {
				var values = new Object[keys];
				for (int i = 0; i < keys; i++) {
					values[i] = row[i];
				}
				edges.add(new Edge<>(row[row.length - 1], values, ordering::cursor));
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

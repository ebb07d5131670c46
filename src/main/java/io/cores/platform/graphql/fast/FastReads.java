package io.cores.platform.graphql.fast;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.GraphQLContext;
import graphql.TrivialDataFetcher;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.util.RawValue;

import io.cores.platform.graphql.Connection;
import io.cores.platform.graphql.ConnectionArgs;
import io.cores.platform.graphql.ConnectionQueries;
import io.cores.platform.graphql.FilterCompiler;
import io.cores.platform.graphql.FilterField;
import io.cores.platform.graphql.InvalidInputException;
import io.cores.platform.graphql.NodeType;
import io.cores.platform.graphql.NodeTypes;
import io.cores.platform.graphql.Relation;
import io.cores.platform.graphql.access.AccessDenied;
import io.cores.platform.graphql.access.AccessScope;
import io.cores.platform.graphql.access.GuardedFields;
import io.cores.platform.graphql.limits.Deadlines;

/**
 * Answers a whole query without resolvers when every field it selects is plain: root
 * connections ({@code hosts}) with their page, cursors and count read as the resolver path
 * reads them ({@link ConnectionQueries#rootKeys}), and their objects' fields — columns, ids,
 * to-one relations and first pages of to-many relations — as JSON that PostgreSQL builds in
 * one statement per root field. The answer goes to the client as that JSON, untouched.
 *
 * <p>Anything it does not know to answer exactly as the resolvers would — a field with a
 * resolver or a guard of its own, a type whose rows the caller sees only some of below the
 * root, interfaces, nested filters, orderings and cursors, scalars it does not format, a
 * mutation — makes it answer null, and the query takes the resolvers; so does any input the
 * resolvers would refuse, so errors keep their shape.
 */
@Component
public class FastReads {

	private static final Logger log = LoggerFactory.getLogger(FastReads.class);

	/** json_build_object takes at most 100 arguments: 50 fields per object. */
	private static final int MAX_FIELDS = 50;

	/** Scalars whose JSON PostgreSQL writes exactly as the schema's scalars serialize them. */
	private static final Set<String> AS_STORED = Set.of("String", "Boolean", "Int", "IPAddress", "CIDR", "MacAddress");

	/** The DateTime scalar's form: milliseconds, UTC as Z. */
	private static final String DATE_TIME = "to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";


	private static final ContextSnapshotFactory CONTEXT = ContextSnapshotFactory.builder().build();

	private final NodeTypes types;
	private final ConnectionQueries queries;
	private final GuardedFields guarded;
	private final Columns columns;
	private final JdbcTemplate jdbc;
	private final AccessScope access;
	/** Plans of recent requests: a few kilobytes each, so a few megabytes in all. */
	private final Cache<PlanKey, List<RootPlan>> plans = Caffeine.newBuilder().maximumSize(2_000).build();
	private final Map<String, NodeType<?, ?>> byRootField = new HashMap<>();
	private final Map<String, Relation> relations = new HashMap<>();
	private final Counter answered;
	private final Counter resolved;
	private volatile boolean enabled;

	FastReads(NodeTypes types, ConnectionQueries queries, GuardedFields guarded, Columns columns, JdbcTemplate jdbc,
			AccessScope access, MeterRegistry meters, @Value("${cores.graphql.fast-reads:true}") boolean enabled) {
		this.access = access;
		this.answered = Counter.builder("cores.graphql.fast.reads").tag("answered", "fast")
			.description("Queries answered by the fast read path, or by the resolvers").register(meters);
		this.resolved = Counter.builder("cores.graphql.fast.reads").tag("answered", "resolvers")
			.description("Queries answered by the fast read path, or by the resolvers").register(meters);
		this.types = types;
		this.queries = queries;
		this.guarded = guarded;
		this.columns = columns;
		this.jdbc = jdbc;
		this.enabled = enabled;
		for (var type : types.all()) {
			byRootField.put(type.plural(), type);
		}
		for (var relation : types.relations()) {
			relations.put(relation.owner() + "." + relation.field(), relation);
		}
	}

	/** Turns the fast path on or off while running (it is on unless {@code cores.graphql.fast-reads=false}). */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isEnabled() {
		return enabled;
	}

	/** The query's data as raw JSON per root field, or null when the resolvers must answer. */
	Map<String, Object> answer(ExecutionContext execution) {
		if (!enabled || execution.getOperationDefinition().getOperation() != OperationDefinition.Operation.QUERY) {
			return null;
		}
		// what the resolvers' threads get from the request (its deadline for SQL, the caller)
		try (var scope = CONTEXT.captureFrom(execution.getGraphQLContext()).setThreadLocals()) {
			var plans = plans(execution);
			if (plans == NOT_PLAIN) {
				throw NotPlain.INSTANCE;
			}
			for (var plan : plans) {
				if (plan.type() != null) {
					checkRootRules(plan.field(), execution);
				}
			}
			var data = Deadlines.withHalfTheTimeLeft(() -> {
				var answers = new LinkedHashMap<String, Object>();
				for (var plan : plans) {
					answers.put(plan.key(), new RawValue(plan.run(execution.getGraphQLContext())));
				}
				return answers;
			});
			answered.increment();
			return data;
		}
		catch (NotPlain | InvalidInputException | AccessDenied ex) {
			resolved.increment();
			return null;
		}
		catch (org.springframework.dao.DataAccessException | jakarta.persistence.PersistenceException ex) {
			// a cancelled statement (the deadline), say: the resolvers report it as they do
			log.debug("A fast read failed in the database; the resolvers answer instead", ex);
			resolved.increment();
			return null;
		}
		catch (RuntimeException ex) {
			// never an answer the resolvers would not give: they answer (or fail) instead
			log.warn("The fast read path failed; the resolvers answer instead", ex);
			resolved.increment();
			return null;
		}
	}

	/**
	 * The plans of a query's root fields: made once for a document, operation, variables and
	 * access scope, and kept, so a repeat request plans nothing. A plan holds only what those
	 * decide (the statements' text, the page's conditions, the selection); a condition that
	 * reads the clock (a relation's where, such as the calendar's) is not plain, so no plan
	 * holds a time. What is not plain is kept too, as such; invalid input is not kept.
	 */
	private List<RootPlan> plans(ExecutionContext execution) {
		var key = new PlanKey(execution.getDocument(), execution.getOperationDefinition().getName(),
				execution.getCoercedVariables().toMap(), access.of(execution.getGraphQLContext()));
		var known = plans.getIfPresent(key);
		if (known != null) {
			return known;
		}
		List<RootPlan> made;
		try {
			made = new ArrayList<>();
			for (var field : execution.getNormalizedQueryTree().get().getTopLevelFields()) {
				made.add(plan(field, execution));
			}
		}
		catch (NotPlain ex) {
			made = NOT_PLAIN;
		}
		plans.put(key, made);
		return made;
	}

	private static final List<RootPlan> NOT_PLAIN = List.of();

	/** A document (parsed once for its text, and compared as that one object), operation, variables and scope. */
	private record PlanKey(Document document, String operation, Map<String, Object> variables, Object scope) {
	}

	/** A root field: {@code __typename}, or a node type's root connection. */
	private RootPlan plan(ExecutableNormalizedField field, ExecutionContext execution) {
		var schema = execution.getGraphQLSchema();
		if (field.getName().equals("__typename")) {
			return new RootPlan(field.getResultKey(), null, null, null, null, "\"Query\"");
		}
		var type = byRootField.get(field.getName());
		if (type == null || guarded.isGuarded("Query." + field.getName()) || type.objectTypes().size() != 1) {
			throw NotPlain.INSTANCE;
		}
		boolean counted = field.getChildren().stream().anyMatch(c -> c.getName().equals("totalCount"));
		var args = ConnectionArgs.of(field.getResolvedArguments(), counted);
		var sql = new Sql(execution.getGraphQLContext(), schema);
		var objects = sql.alias();
		String nodes = null;
		for (var child : field.getChildren()) {
			switch (child.getName()) {
				case "nodes" -> nodes = sql.object(type, child, objects);
				case "edges" -> {
					for (var edgeChild : child.getChildren()) {
						switch (edgeChild.getName()) {
							case "node" -> nodes = sql.object(type, edgeChild, objects);
							case "cursor", "__typename" -> {
							}
							default -> throw NotPlain.INSTANCE;
						}
					}
				}
				case "pageInfo" -> {
					for (var info : child.getChildren()) {
						if (!Set.of("hasNextPage", "hasPreviousPage", "startCursor", "endCursor", "__typename")
							.contains(info.getName())) {
							throw NotPlain.INSTANCE;
						}
					}
				}
				case "totalCount", "__typename" -> {
				}
				default -> throw NotPlain.INSTANCE;
			}
		}
		var context = execution.getGraphQLContext();
		var page = queries.rootKeyPage(type, args, context);
		var table = columns.table(type.entityClass());
		var nodesSql = nodes == null ? null
				: "SELECT " + objects + "." + table.id() + ", " + nodes + "::text FROM " + table.name() + " " + objects + " WHERE "
						+ objects + "." + table.id() + " = ANY(?)";
		return new RootPlan(field.getResultKey(), type, args, field, nodesSql, null, page, pageSql(type, page, objects, nodes));
	}

	/**
	 * The page and its objects' JSON in one statement: the page's keys read as
	 * {@link ConnectionQueries#rootKeys} reads them (its conditions, written as SQL where
	 * they are plain), then the JSON of only those rows. Null when a condition or a sort key
	 * is not plain (a relation filter, a network or time key, ...): the page is then read as
	 * the resolvers read it, and the objects in a second statement.
	 */
	private PageSql pageSql(NodeType<?, ?> type, ConnectionQueries.KeyPage page, String objects, String nodes) {
		var table = columns.table(type.entityClass());
		var alias = "p0";
		var conditions = new SqlConditions(columns, type.entityClass(), page.alias(), alias);
		try {
			var order = new Order();
			var kinds = new ArrayList<Class<?>>();
			for (var key : page.walk()) {
				if (!(key.expression() instanceof com.querydsl.core.types.Path<?> path) || !KEY_TYPES.contains(keyType(path))) {
					return null;
				}
				order.add(conditions.column(path), key.ascending());
				kinds.add(path.getType());
			}
			var where = page.where() == null ? "" : " AND " + conditions.sql(page.where());
			var counted = page.counted() == null ? "" : " AND " + conditions.sql(page.counted());
			var from = " FROM " + table.name() + " " + alias + " WHERE true" + table.only(alias);
			var select = new StringBuilder("SELECT ");
			for (int k = 0; k < kinds.size(); k++) {
				select.append("p.k").append(k).append(", ");
			}
			select.append("p.id, ").append(nodes == null ? "NULL" : nodes + "::text");
			var sql = select + " FROM (SELECT " + order.keys() + ", " + alias + "." + table.id() + " AS id, row_number() OVER (ORDER BY "
					+ order + ") AS n" + from + where + " ORDER BY " + order + " LIMIT " + page.limit() + ") p"
					+ (nodes == null ? "" : " JOIN " + table.name() + " " + objects + " ON " + objects + "." + table.id() + " = p.id")
					+ " ORDER BY p.n";
			return new PageSql(sql, "SELECT count(*)" + from + counted, List.copyOf(kinds));
		}
		catch (NotPlain ex) {
			return null;
		}
	}

	/** Sort keys whose values read from JDBC are what the entities' would be (so are their cursors). */
	private static final Set<Class<?>> KEY_TYPES = Set.of(Long.class, Integer.class, String.class, Boolean.class, Enum.class);

	private static Class<?> keyType(com.querydsl.core.types.Path<?> path) {
		return path.getType().isEnum() ? Enum.class : path.getType();
	}

	/** A root page's fused statement, its count's, and the Java types of its sort keys. */
	private record PageSql(String sql, String countSql, List<Class<?>> keys) {
	}

	/** The rules every root field has (an agent token reads nothing), as the resolvers run them. */
	private void checkRootRules(ExecutableNormalizedField field, ExecutionContext execution) {
		var query = execution.getGraphQLSchema().getQueryType();
		var definition = query.getFieldDefinition(field.getName());
		var merged = MergedField.newMergedField(Field.newField(field.getName()).build()).build();
		var step = ExecutionStepInfo.newExecutionStepInfo().type(definition.getType()).fieldDefinition(definition)
			.fieldContainer(query).field(merged).path(ResultPath.rootPath().segment(field.getResultKey())).build();
		guarded.checkRoot(DataFetchingEnvironmentImpl.newDataFetchingEnvironment(execution).mergedField(merged)
			.executionStepInfo(step).fieldDefinition(definition).fieldType(definition.getType()).parentType(query)
			.graphQLContext(execution.getGraphQLContext()).build());
	}

	/** One root field's plan: its page (read as the resolvers read it) and its objects' JSON statement. */
	private final class RootPlan {

		private final String key;
		private final NodeType<?, ?> type;
		private final ConnectionArgs args;
		private final ExecutableNormalizedField field;
		private final String nodesSql;
		private final String constant;
		private final ConnectionQueries.KeyPage keyPage;
		private final PageSql pageSql;

		RootPlan(String key, NodeType<?, ?> type, ConnectionArgs args, ExecutableNormalizedField field, String nodesSql,
				String constant) {
			this(key, type, args, field, nodesSql, constant, null, null);
		}

		RootPlan(String key, NodeType<?, ?> type, ConnectionArgs args, ExecutableNormalizedField field, String nodesSql,
				String constant, ConnectionQueries.KeyPage keyPage, PageSql pageSql) {
			this.key = key;
			this.type = type;
			this.args = args;
			this.field = field;
			this.nodesSql = nodesSql;
			this.constant = constant;
			this.keyPage = keyPage;
			this.pageSql = pageSql;
		}

		String key() {
			return key;
		}

		NodeType<?, ?> type() {
			return type;
		}

		ExecutableNormalizedField field() {
			return field;
		}

		String run(GraphQLContext context) {
			if (constant != null) {
				return constant;
			}
			Connection<Long> page;
			Map<Long, String> json;
			if (pageSql != null) {
				json = new HashMap<>();
				page = fused(json);
			}
			else {
				page = queries.rootKeys(type, args, context);
				json = nodesSql == null || page.getEdges().isEmpty() ? Map.<Long, String>of() : objects(page);
			}
			var out = new StringBuilder(256 + 512 * json.size());
			out.append('{');
			boolean first = true;
			for (var child : field.getChildren()) {
				out.append(first ? "\"" : ",\"").append(child.getResultKey()).append("\":");
				first = false;
				switch (child.getName()) {
					case "nodes" -> {
						out.append('[');
						for (int i = 0; i < page.getEdges().size(); i++) {
							out.append(i == 0 ? "" : ",").append(json.get(page.getEdges().get(i).getNode()));
						}
						out.append(']');
					}
					case "edges" -> edges(out, child, page, json);
					case "pageInfo" -> pageInfo(out, child, page);
					case "totalCount" -> out.append(page.getTotalCount());
					default -> out.append(quoted(typeName(child)));
				}
			}
			return out.append('}').toString();
		}

		/** The page's rows and their objects' JSON (into {@code json}) from the one fused statement. */
		@SuppressWarnings({ "unchecked", "rawtypes" })
		private Connection<Long> fused(Map<Long, String> json) {
			var keys = pageSql.keys();
			var rows = jdbc.query(connection -> connection.prepareStatement(pageSql.sql()), (rs, n) -> {
				var row = new Object[keys.size() + 1];
				for (int i = 0; i < keys.size(); i++) {
					var kind = keys.get(i);
					Object value = kind.isEnum() ? rs.getString(i + 1) : rs.getObject(i + 1, kind);
					row[i] = value != null && kind.isEnum() ? Enum.valueOf((Class) kind, (String) value) : value;
				}
				long id = rs.getLong(keys.size() + 1);
				row[keys.size()] = id;
				json.put(id, rs.getString(keys.size() + 2));
				return row;
			});
			return keyPage.connection(rows, () -> jdbc.query(connection -> connection.prepareStatement(pageSql.countSql()),
					rs -> rs.next() ? rs.getInt(1) : 0));
		}

		private Map<Long, String> objects(Connection<Long> page) {
			var ids = page.getEdges().stream().map(e -> e.getNode()).toArray(Long[]::new);
			var json = new HashMap<Long, String>();
			jdbc.query(nodesSql, rs -> {
				json.put(rs.getLong(1), rs.getString(2));
			}, (Object) ids);
			return json;
		}

		private void edges(StringBuilder out, ExecutableNormalizedField edges, Connection<Long> page, Map<Long, String> json) {
			out.append('[');
			for (int i = 0; i < page.getEdges().size(); i++) {
				var edge = page.getEdges().get(i);
				out.append(i == 0 ? "{" : ",{");
				boolean first = true;
				for (var child : edges.getChildren()) {
					out.append(first ? "\"" : ",\"").append(child.getResultKey()).append("\":");
					first = false;
					switch (child.getName()) {
						case "node" -> out.append(json.get(edge.getNode()));
						case "cursor" -> out.append(quoted(edge.getCursor()));
						default -> out.append(quoted(typeName(child)));
					}
				}
				out.append('}');
			}
			out.append(']');
		}

		private void pageInfo(StringBuilder out, ExecutableNormalizedField info, Connection<Long> page) {
			out.append('{');
			boolean first = true;
			for (var child : info.getChildren()) {
				out.append(first ? "\"" : ",\"").append(child.getResultKey()).append("\":");
				first = false;
				switch (child.getName()) {
					case "hasNextPage" -> out.append(page.getPageInfo().isHasNextPage());
					case "hasPreviousPage" -> out.append(page.getPageInfo().isHasPreviousPage());
					case "startCursor" -> out.append(quoted(page.getPageInfo().getStartCursor()));
					case "endCursor" -> out.append(quoted(page.getPageInfo().getEndCursor()));
					default -> out.append(quoted(typeName(child)));
				}
			}
			out.append('}');
		}
	}

	/** A page's sort order in SQL: its columns, their directions, and the same over the page's own keys. */
	private static final class Order {

		private final List<String> columns = new ArrayList<>();
		private final List<String> directions = new ArrayList<>();

		void add(String column, boolean ascending) {
			columns.add(column);
			directions.add(ascending ? " ASC NULLS LAST" : " DESC NULLS FIRST");
		}

		/** The columns as the page's keys: {@code f4.id AS k0, ...}. */
		String keys() {
			var keys = new StringJoiner(", ");
			for (int i = 0; i < columns.size(); i++) {
				keys.add(columns.get(i) + " AS k" + i);
			}
			return keys.toString();
		}

		/** The same order over the keys of a page read as {@code alias}. */
		String ofKeys(String alias) {
			var order = new StringJoiner(", ");
			for (int i = 0; i < columns.size(); i++) {
				order.add(alias + ".k" + i + directions.get(i));
			}
			return order.toString();
		}

		@Override
		public String toString() {
			var order = new StringJoiner(", ");
			for (int i = 0; i < columns.size(); i++) {
				order.add(columns.get(i) + directions.get(i));
			}
			return order.toString();
		}
	}

	/** The object type a {@code __typename} field is asked on. */
	private static String typeName(ExecutableNormalizedField typename) {
		return typename.getSingleObjectTypeName();
	}

	/** A JSON string; cursors and type names need no escaping, being base64url and GraphQL names. */
	private static String quoted(String text) {
		return text == null ? "null" : "\"" + text + "\"";
	}

	/** Renders the JSON of objects' selections as SQL, for one request's caller. */
	private final class Sql {

		private final GraphQLContext context;
		private final GraphQLSchema schema;
		private int aliases;

		Sql(GraphQLContext context, GraphQLSchema schema) {
			this.context = context;
			this.schema = schema;
		}

		/** json_build_object of one object's selected fields. */
		String object(NodeType<?, ?> type, ExecutableNormalizedField field, String alias) {
			var children = field.getChildren();
			if (children.size() > MAX_FIELDS) {
				throw NotPlain.INSTANCE;
			}
			var objectType = type.objectTypes().get(0);
			var json = new StringBuilder("json_build_object(");
			for (int i = 0; i < children.size(); i++) {
				var child = children.get(i);
				if (!child.getObjectTypeNames().equals(Set.of(objectType))) {
					throw NotPlain.INSTANCE;
				}
				json.append(i == 0 ? "'" : ", '").append(child.getResultKey()).append("', ")
					.append(value(type, objectType, child, alias));
			}
			return json.append(')').toString();
		}

		private String value(NodeType<?, ?> type, String objectType, ExecutableNormalizedField field, String alias) {
			var name = field.getName();
			var table = columns.table(type.entityClass());
			if (name.equals("__typename")) {
				return "'" + objectType + "'";
			}
			if (name.equals("id")) {
				return "rtrim(translate(encode(convert_to('" + type.name() + ":' || " + alias + "." + table.id()
						+ ", 'UTF8'), 'base64'), '+/', '-_'), '=')";
			}
			if (guarded.isGuarded(objectType + "." + name)) {
				throw NotPlain.INSTANCE;
			}
			var relation = relations.get(type.name() + "." + name);
			if (relation != null && (relation.on().isEmpty() || relation.on().contains(objectType))) {
				return related(relation, field, alias, table);
			}
			return column(type, objectType, field, alias);
		}

		/** A plain column: the field resolves to its entity's property of the same name. */
		private String column(NodeType<?, ?> type, String objectType, ExecutableNormalizedField field, String alias) {
			var definition = schema.getObjectType(objectType).getFieldDefinition(field.getName());
			var fetcher = schema.getCodeRegistry()
				.getDataFetcher(FieldCoordinates.coordinates(objectType, field.getName()), definition);
			var column = column(type, field.getName());
			if (!(fetcher instanceof TrivialDataFetcher) || column == null || !definition.getArguments().isEmpty()) {
				throw NotPlain.INSTANCE;
			}
			var scalar = GraphQLTypeUtil.unwrapAll(definition.getType());
			var path = alias + "." + column;
			if (AS_STORED.contains(scalar.getName()) || scalar instanceof GraphQLEnumType) {
				return path;
			}
			if (scalar.getName().equals("DateTime")) {
				return DATE_TIME.formatted(path);
			}
			throw NotPlain.INSTANCE;
		}

		/**
		 * The column of a field: its entity's property of the same name, else the property its
		 * filter of the same name compares ({@code Booking.start} is {@code startsAt}).
		 */
		@SuppressWarnings("unchecked")
		private String column(NodeType<?, ?> type, String field) {
			var column = columns.column(type.entityClass(), field);
			if (column == null && type.filters().get(field) instanceof FilterField.Scalar<?> scalar) {
				var root = type.root();
				var path = ((java.util.function.Function<Object, ?>) scalar.path()).apply(root);
				if (path instanceof com.querydsl.core.types.Path<?> property && root.equals(property.getMetadata().getParent())) {
					column = columns.column(type.entityClass(), property.getMetadata().getName());
				}
			}
			return column;
		}

		private String related(Relation relation, ExecutableNormalizedField field, String alias, Columns.Table table) {
			var target = types.get(relation.target());
			if (target.objectTypes().size() != 1 || target.visibility(context, target.root()) != null) {
				throw NotPlain.INSTANCE;
			}
			var targetTable = columns.table(target.entityClass());
			var inner = alias();
			var from = " FROM " + targetTable.name() + " " + inner + " WHERE ";
			if (relation instanceof Relation.ToOne toOne) {
				var key = columns.column(types.get(relation.owner()).entityClass(),
						toOne.keyPath().apply(types.get(relation.owner()).root()).getMetadata().getName());
				if (key == null) {
					throw NotPlain.INSTANCE;
				}
				return "(SELECT " + object(target, field, inner) + from + inner + "." + targetTable.id() + " = " + alias + "."
						+ key + ")";
			}
			if (relation instanceof Relation.Back back) {
				var key = targetKey(target, back.targetKey().apply(target.root()).getMetadata().getName());
				return "(SELECT " + object(target, field, inner) + from + inner + "." + key + " = " + alias + "." + table.id()
						+ targetTable.only(inner) + " LIMIT 1)";
			}
			if (relation instanceof Relation.Many many && many.where() == null) {
				var key = targetKey(target, many.targetKey().apply(target.root()).getMetadata().getName());
				return connection(target, field, inner,
						from + inner + "." + key + " = " + alias + "." + table.id() + targetTable.only(inner));
			}
			throw NotPlain.INSTANCE;
		}

		private String targetKey(NodeType<?, ?> target, String attribute) {
			var key = columns.column(target.entityClass(), attribute);
			if (key == null) {
				throw NotPlain.INSTANCE;
			}
			return key;
		}

		/**
		 * A nested connection's first page, filtered and sorted as its resolver would (the
		 * filter compiled by the same compiler, then written as SQL where it is plain); with
		 * cursors or {@code last} it takes the resolvers.
		 */
		@SuppressWarnings("unchecked")
		private String connection(NodeType<?, ?> target, ExecutableNormalizedField field, String inner, String scope) {
			var arguments = field.getResolvedArguments();
			for (var argument : arguments.entrySet()) {
				if (argument.getValue() != null && !Set.of("first", "filter", "orderBy").contains(argument.getKey())) {
					throw NotPlain.INSTANCE;
				}
			}
			int size = ConnectionArgs.of(arguments, false).size();
			var alias = target.alias(inner);
			var conditions = new SqlConditions(columns, target.entityClass(), alias, inner);
			var filter = (Map<String, Object>) arguments.get("filter");
			if (filter != null) {
				var predicate = new FilterCompiler(types, context).compile(target, alias, filter, "filter");
				if (predicate != null) {
					scope += " AND " + conditions.sql(predicate);
				}
			}
			var order = new Order();
			for (var key : ConnectionQueries.sortOrder(target, alias, (List<Map<String, Object>>) arguments.get("orderBy"))) {
				if (!(key.expression() instanceof com.querydsl.core.types.Path<?> path)) {
					throw NotPlain.INSTANCE;
				}
				order.add(conditions.column(path), key.ascending());
			}
			var json = new StringBuilder("json_build_object(");
			var children = field.getChildren();
			for (int i = 0; i < children.size(); i++) {
				var child = children.get(i);
				json.append(i == 0 ? "'" : ", '").append(child.getResultKey()).append("', ");
				switch (child.getName()) {
					case "nodes" -> json.append(page(target, child, inner, order, scope, size, null));
					case "edges" -> json.append(page(target, child, inner, order, scope, size, child));
					case "totalCount" -> json.append("(SELECT count(*)").append(scope).append(')');
					case "pageInfo" -> json.append(pageInfo(child, scope, size));
					case "__typename" -> json.append('\'').append(typeName(child)).append('\'');
					default -> throw NotPlain.INSTANCE;
				}
			}
			return json.append(')').toString();
		}

		/** Where an edge's node goes in its JSON; no SQL contains it. */
		private static final String NODE = "\u0000node\u0000";

		/**
		 * The page as a JSON array, of objects or (for {@code edges}) of edges holding them:
		 * each row's JSON and sort keys read in order and limited, then aggregated in that
		 * order. PostgreSQL builds the JSON (an expensive output) only of the rows the limit
		 * keeps, after the sort, not of every row the filter holds.
		 */
		private String page(NodeType<?, ?> target, ExecutableNormalizedField field, String inner, Order order, String scope,
				int size, ExecutableNormalizedField edges) {
			ExecutableNormalizedField node = edges == null ? field : null;
			String element = null;
			if (edges != null) {
				var edge = new StringBuilder("json_build_object(");
				var children = edges.getChildren();
				for (int i = 0; i < children.size(); i++) {
					var child = children.get(i);
					edge.append(i == 0 ? "'" : ", '").append(child.getResultKey()).append("', ");
					switch (child.getName()) {
						case "node" -> {
							node = child;
							edge.append(NODE);
						}
						case "__typename" -> edge.append('\'').append(typeName(child)).append('\'');
						default -> throw NotPlain.INSTANCE;
					}
				}
				element = edge.append(')').toString();
			}
			var object = node == null ? "NULL" : object(target, node, inner);
			element = element == null ? object : element.replace(NODE, object);
			return "(SELECT coalesce(json_agg(p.j ORDER BY " + order.ofKeys("p") + "), '[]'::json) FROM (SELECT " + element
					+ " AS j, " + order.keys() + scope + " ORDER BY " + order + " LIMIT " + size + ") p)";
		}

		private String pageInfo(ExecutableNormalizedField info, String scope, int size) {
			var json = new StringBuilder("json_build_object(");
			var children = info.getChildren();
			for (int i = 0; i < children.size(); i++) {
				var child = children.get(i);
				json.append(i == 0 ? "'" : ", '").append(child.getResultKey()).append("', ");
				switch (child.getName()) {
					case "hasNextPage" -> json.append("(SELECT count(*) > ").append(size).append(" FROM (SELECT 1").append(scope)
						.append(" LIMIT ").append(size + 1).append(") x)");
					case "hasPreviousPage" -> json.append("false");
					case "__typename" -> json.append('\'').append(typeName(child)).append('\'');
					default -> throw NotPlain.INSTANCE;
				}
			}
			return json.append(')').toString();
		}

		String alias() {
			return "f" + aliases++;
		}
	}
}

package io.cores.platform.graphql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import graphql.GraphQLContext;

import com.querydsl.core.types.Expression;
import com.querydsl.core.types.Predicate;
import com.querydsl.core.types.dsl.ComparableExpressionBase;
import com.querydsl.core.types.dsl.EntityPathBase;
import com.querydsl.core.types.dsl.NumberPath;
import com.querydsl.core.types.dsl.StringPath;
import io.cores.platform.persistence.BaseEntity;

/**
 * What the generic read path needs to know about one entity: its GraphQL name, its
 * Querydsl root, which of its columns can be filtered and sorted on. Relations are
 * declared separately ({@link Relation}) so that a module can attach fields to another
 * module's types. Each module declares its node types as beans in its {@code graphql}
 * package; {@link GraphWiring} turns them into root queries, {@code id} fields, filters
 * and ordering.
 *
 * @param <E> the entity
 * @param <Q> its Querydsl type; {@code alias} makes a fresh one for nested subqueries
 */
public final class NodeType<E extends BaseEntity, Q extends EntityPathBase<E>> {

	private final String name;
	private final Class<E> entityClass;
	private final Function<String, Q> alias;
	private final String rootAlias;
	private String plural;
	private List<String> objectTypes;
	private final Map<String, FilterField> filters = new LinkedHashMap<>();
	private final Map<String, Function<Q, ComparableExpressionBase<?>>> orders = new LinkedHashMap<>();
	private BiFunction<GraphQLContext, Q, Predicate> visibility;
	private Pointer<Q> pointer;

	/** Where a record that points at any object keeps that object's type name and key. */
	record Pointer<Q>(Function<Q, StringPath> type, Function<Q, NumberPath<Long>> key) {
	}

	private NodeType(String name, Class<E> entityClass, Function<String, Q> alias) {
		this.name = name;
		this.entityClass = entityClass;
		this.alias = alias;
		this.rootAlias = Character.toLowerCase(name.charAt(0)) + name.substring(1);
		this.plural = rootAlias + "s";
		this.objectTypes = List.of(name);
		scalar("id", ScalarKind.ID, q -> idOf(q));
		order("ID", q -> idOf(q));
		order("CREATED_AT", q -> path(q, "createdAt"));
		order("UPDATED_AT", q -> path(q, "updatedAt"));
		scalar("createdAt", ScalarKind.DATE_TIME, q -> path(q, "createdAt"));
		scalar("updatedAt", ScalarKind.DATE_TIME, q -> path(q, "updatedAt"));
	}

	public static <E extends BaseEntity, Q extends EntityPathBase<E>> NodeType<E, Q> of(String name, Class<E> entityClass,
			Function<String, Q> alias) {
		return new NodeType<>(name, entityClass, alias);
	}

	/** The root connection field's name, when it is not the type name plus "s". */
	public NodeType<E, Q> plural(String plural) {
		this.plural = plural;
		return this;
	}

	/** For an interface backed by one table: the concrete GraphQL types its rows resolve to. */
	public NodeType<E, Q> objectTypes(String... names) {
		this.objectTypes = List.of(names);
		return this;
	}

	/** A filterable column: {@code filter { <field>: <Kind>Filter }}. */
	public NodeType<E, Q> scalar(String field, ScalarKind kind, Function<Q, ? extends Expression<?>> path) {
		filters.put(field, new FilterField.Scalar<>(kind, path, null));
		return this;
	}

	/**
	 * A string column unique regardless of case, with a unique index on {@code lower(column)}
	 * ({@code Host.hostname}): {@code eq} and {@code in} keep their exact meaning and are
	 * answered through that index.
	 */
	public NodeType<E, Q> uniqueIgnoringCase(String field) {
		if (!(filters.get(field) instanceof FilterField.Scalar<?> scalar) || scalar.kind() != ScalarKind.STRING) {
			throw new IllegalStateException(name + "." + field + " is not a string filter field");
		}
		filters.put(field, new FilterField.Scalar<>(scalar.kind(), scalar.path(), null, true));
		return this;
	}

	/** A filterable enum column; the filter's values are the enum's constant names. */
	public NodeType<E, Q> enumeration(String field, Class<? extends Enum<?>> type, Function<Q, ? extends Expression<?>> path) {
		filters.put(field, new FilterField.Scalar<>(ScalarKind.ENUM, path, type));
		return this;
	}

	/** A filter field with its own compilation, for what is neither a column nor a relation. */
	public NodeType<E, Q> custom(String field, FilterField.Custom<Q> custom) {
		filters.put(field, custom);
		return this;
	}

	/** A sortable column: {@code orderBy: [{ field: <VALUE>, direction: ASC }]}. */
	public NodeType<E, Q> order(String enumValue, Function<Q, ? extends ComparableExpressionBase<?>> path) {
		orders.put(enumValue, q -> path.apply(q));
		return this;
	}

	/** A column that is both filterable and sortable. */
	public NodeType<E, Q> sortable(String field, String enumValue, ScalarKind kind,
			Function<Q, ? extends ComparableExpressionBase<?>> path) {
		return scalar(field, kind, path).order(enumValue, path);
	}

	/**
	 * Row-level visibility: which rows of this type the caller may see at all (a token only
	 * to its owner and admins). Applied wherever rows of the type are read — root fields,
	 * relations, {@code node}, and relation filters — so no path shows more. The function gets
	 * the request's GraphQL context, where the caller is.
	 */
	public NodeType<E, Q> visibleWhen(BiFunction<GraphQLContext, Q, Predicate> visibility) {
		this.visibility = visibility;
		return this;
	}

	/**
	 * For records that point at an object of any type by (type name, key), such as change-log
	 * records and journal entries: a record is visible exactly when the object it points at
	 * is, by that type's own rule ({@link NodeTypes} derives the condition), so no record
	 * tells what its object would not.
	 */
	public NodeType<E, Q> pointsAt(Function<Q, StringPath> type, Function<Q, NumberPath<Long>> key) {
		this.pointer = new Pointer<>(type, key);
		return this;
	}

	Pointer<Q> pointer() {
		return pointer;
	}

	/** Whether records of this type point at objects of any type ({@link #pointsAt}). */
	public boolean pointsAtObjects() {
		return pointer != null;
	}

	/** Whether some callers see only some rows of this type. */
	public boolean hasVisibilityRule() {
		return visibility != null;
	}

	/** The visibility condition for {@code alias} in this request; null when every row is visible. */
	@SuppressWarnings("unchecked")
	public Predicate visibility(GraphQLContext context, EntityPathBase<?> alias) {
		return visibility == null ? null : visibility.apply(context, (Q) alias);
	}

	void relationFilter(String field, FilterField filter) {
		filters.putIfAbsent(field, filter);
	}

	public String name() {
		return name;
	}

	public String plural() {
		return plural;
	}

	/** The root field that fetches one object by id: the type name in lowerCamelCase. */
	public String singular() {
		return rootAlias;
	}

	public List<String> objectTypes() {
		return objectTypes;
	}

	public Class<E> entityClass() {
		return entityClass;
	}

	public Q root() {
		return alias.apply(rootAlias);
	}

	public Q alias(String aliasName) {
		return alias.apply(aliasName);
	}

	public Map<String, FilterField> filters() {
		return Collections.unmodifiableMap(filters);
	}

	public Map<String, Function<Q, ComparableExpressionBase<?>>> orders() {
		return Collections.unmodifiableMap(orders);
	}

	@SuppressWarnings("unchecked")
	public NumberPath<Long> idOf(EntityPathBase<?> q) {
		return (NumberPath<Long>) path(q, "id");
	}

	/**
	 * Reads a generated Querydsl field by name, so that the columns every entity inherits
	 * (id, createdAt, updatedAt) need not be declared per type.
	 */
	@SuppressWarnings("unchecked")
	private static <T extends ComparableExpressionBase<?>> T path(EntityPathBase<?> q, String property) {
		try {
			Object owner = q;
			var field = findField(q.getClass(), property);
			if (field == null) {
				var superField = q.getClass().getField("_super");
				owner = superField.get(q);
				return path((EntityPathBase<?>) owner, property);
			}
			return (T) field.get(owner);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(q.getClass().getSimpleName() + " has no path " + property, ex);
		}
	}

	private static java.lang.reflect.Field findField(Class<?> type, String name) {
		try {
			return type.getField(name);
		}
		catch (NoSuchFieldException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "NodeType[" + name + "]";
	}
}

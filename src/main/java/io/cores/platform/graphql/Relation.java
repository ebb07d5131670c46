package io.cores.platform.graphql;

import java.util.List;
import java.util.function.Function;

import com.querydsl.core.types.Predicate;
import com.querydsl.core.types.dsl.EntityPathBase;
import com.querydsl.core.types.dsl.NumberPath;

/**
 * A field that leads from one node type to another. Declared as a bean by the module that
 * owns the field's schema file, which need not own either type (booking adds
 * {@code Host.bookable}). Each relation becomes a batched field resolver and a filter
 * field of the same name, so {@code hosts(filter: { rack: { name: { eq: "A1" } } })}
 * works for every relation without further code.
 */
public sealed interface Relation {

	/** The node type that has the field. */
	String owner();

	String field();

	/** The node type the field leads to. */
	String target();

	/** The GraphQL object types that carry the field; empty means all of the owner's. */
	List<String> on();

	/** To-one through a foreign key on the owner ({@code Host.rack} via {@code host.rack_id}). */
	record ToOne(String owner, String field, String target, List<String> on, Function<Object, Long> key,
			Function<EntityPathBase<?>, NumberPath<Long>> keyPath) implements Relation {
	}

	/** To-one through a unique foreign key on the target ({@code Host.bookable} via {@code bookable.host_id}). */
	record Back(String owner, String field, String target, List<String> on,
			Function<EntityPathBase<?>, NumberPath<Long>> targetKey) implements Relation {
	}

	/**
	 * To-many through a foreign key on the target ({@code Host.nics}), optionally narrowed
	 * ({@code Host.changes}: the changes whose object type is Host). A connection.
	 */
	record Many(String owner, String field, String target, List<String> on,
			Function<EntityPathBase<?>, NumberPath<Long>> targetKey, Function<EntityPathBase<?>, Predicate> where)
			implements Relation {
	}

	/**
	 * To-many through a link table ({@code User.groups} via group_membership,
	 * {@code Host.tags} via tagged_item). A connection.
	 */
	record Link(String owner, String field, String target, List<String> on, Function<String, EntityPathBase<?>> link,
			Function<EntityPathBase<?>, NumberPath<Long>> ownerKey, Function<EntityPathBase<?>, NumberPath<Long>> targetKey,
			Function<EntityPathBase<?>, Predicate> where) implements Relation {
	}

	// Factories with typed lambdas, so declarations read naturally: toOne("Host", "rack", "Rack", Host::getRackId, (QHost h) -> h.rackId)

	@SuppressWarnings("unchecked")
	static <E, Q extends EntityPathBase<?>> ToOne toOne(String owner, String field, String target, Function<E, Long> key,
			Function<Q, NumberPath<Long>> keyPath) {
		return new ToOne(owner, field, target, List.of(), e -> key.apply((E) e),
				q -> keyPath.apply((Q) q));
	}

	@SuppressWarnings("unchecked")
	static <T extends EntityPathBase<?>> Back back(String owner, String field, String target,
			Function<T, NumberPath<Long>> targetKey) {
		return new Back(owner, field, target, List.of(), q -> targetKey.apply((T) q));
	}

	static <T extends EntityPathBase<?>> Many many(String owner, String field, String target,
			Function<T, NumberPath<Long>> targetKey) {
		return many(owner, field, target, targetKey, null);
	}

	@SuppressWarnings("unchecked")
	static <T extends EntityPathBase<?>> Many many(String owner, String field, String target,
			Function<T, NumberPath<Long>> targetKey, Function<T, Predicate> where) {
		return new Many(owner, field, target, List.of(), q -> targetKey.apply((T) q),
				where == null ? null : q -> where.apply((T) q));
	}

	@SuppressWarnings("unchecked")
	static <L extends EntityPathBase<?>> Link link(String owner, String field, String target, Function<String, L> link,
			Function<L, NumberPath<Long>> ownerKey, Function<L, NumberPath<Long>> targetKey, Function<L, Predicate> where) {
		return new Link(owner, field, target, List.of(), link::apply, q -> ownerKey.apply((L) q),
				q -> targetKey.apply((L) q), where == null ? null : q -> where.apply((L) q));
	}

	/** The same relation, carried only by the given object types (for interfaces such as ScanConflict). */
	default Relation onlyOn(String... objectTypes) {
		var types = List.of(objectTypes);
		if (this instanceof ToOne r) {
			return new ToOne(r.owner(), r.field(), r.target(), types, r.key(), r.keyPath());
		}
		if (this instanceof Back r) {
			return new Back(r.owner(), r.field(), r.target(), types, r.targetKey());
		}
		if (this instanceof Many r) {
			return new Many(r.owner(), r.field(), r.target(), types, r.targetKey(), r.where());
		}
		var r = (Link) this;
		return new Link(r.owner(), r.field(), r.target(), types, r.link(), r.ownerKey(), r.targetKey(), r.where());
	}
}

package io.cores.platform.graphql;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.function.BiFunction;

import com.querydsl.core.BooleanBuilder;
import com.querydsl.core.types.Predicate;
import com.querydsl.core.types.dsl.EntityPathBase;
import com.querydsl.core.types.dsl.NumberPath;
import com.querydsl.core.types.dsl.StringPath;
import com.querydsl.jpa.JPAExpressions;
import graphql.GraphQLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * All node types and relations the modules declared, indexed by name. Relations are
 * checked here at start-up (both ends must exist) and added to their owner's filter.
 */
@Component
public class NodeTypes {

	private final Map<String, NodeType<?, ?>> byName = new LinkedHashMap<>();
	private final Map<Class<?>, NodeType<?, ?>> byClass = new HashMap<>();
	private final List<Relation> relations;

	@org.springframework.beans.factory.annotation.Autowired
	public NodeTypes(ObjectProvider<NodeType<?, ?>> typeBeans, ObjectProvider<Relation> relationBeans,
			ObjectProvider<RelationSet> relationSets) {
		this(typeBeans.orderedStream().toList(), java.util.stream.Stream.concat(relationBeans.orderedStream(),
				relationSets.orderedStream().flatMap(set -> set.relations().stream())).toList());
	}

	NodeTypes(List<NodeType<?, ?>> types, List<Relation> relations) {
		for (var type : types) {
			if (byName.put(type.name(), type) != null) {
				throw new IllegalStateException("Node type " + type.name() + " is declared twice");
			}
			byClass.put(type.entityClass(), type);
		}
		this.relations = List.copyOf(relations);
		var ruled = byName.values().stream().filter(t -> t.hasVisibilityRule() && t.pointer() == null).toList();
		for (var type : byName.values()) {
			if (type.pointer() != null) {
				pointVisibility(type, ruled);
			}
		}
		for (var relation : relations) {
			get(relation.target());
			get(relation.owner()).relationFilter(relation.field(), new FilterField.OfRelation(relation));
		}
	}

	/**
	 * A pointing record is visible when its object's type has no visibility rule, or the
	 * caller sees every row of it, or the object is among the rows the caller sees. An object
	 * that no longer exists is seen by nobody its type's rule would hide it from.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static <Q extends EntityPathBase<?>> void pointVisibility(NodeType<?, Q> type, List<NodeType<?, ?>> ruled) {
		var pointer = type.pointer();
		var names = ruled.stream().map(NodeType::name).toList();
		((NodeType) type).visibleWhen((BiFunction<GraphQLContext, Q, Predicate>) (context, q) -> {
			StringPath objectType = pointer.type().apply(q);
			NumberPath<Long> objectKey = pointer.key().apply(q);
			var visible = new BooleanBuilder(objectType.notIn(names));
			boolean restricted = false;
			for (var target : ruled) {
				// named after the record's alias: unique where records nest, stable for the query cache
				var alias = target.alias(q.getMetadata().getName() + "_" + target.singular());
				var rule = target.visibility(context, alias);
				if (rule == null) {
					visible.or(objectType.eq(target.name()));
				}
				else {
					restricted = true;
					visible.or(objectType.eq(target.name())
						.and(objectKey.in(JPAExpressions.select(target.idOf(alias)).from(alias).where(rule))));
				}
			}
			return restricted ? visible.getValue() : null;
		});
	}

	public NodeType<?, ?> get(String name) {
		var type = byName.get(name);
		if (type == null) {
			throw new IllegalStateException("No node type named " + name);
		}
		return type;
	}

	/** The node type whose ids a decoded global id names, or null for an unknown type. */
	public NodeType<?, ?> find(String name) {
		return byName.get(name);
	}

	/** The node type an entity belongs to (walking up to the mapped class of a subclass). */
	public NodeType<?, ?> of(Object entity) {
		for (Class<?> c = entity.getClass(); c != null; c = c.getSuperclass()) {
			var type = byClass.get(c);
			if (type != null) {
				return type;
			}
		}
		throw new IllegalStateException("No node type for " + entity.getClass().getSimpleName());
	}

	public List<NodeType<?, ?>> all() {
		return List.copyOf(byName.values());
	}

	public List<Relation> relations() {
		return relations;
	}
}

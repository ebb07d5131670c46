package io.cores.platform.graphql;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
		for (var relation : relations) {
			get(relation.target());
			get(relation.owner()).relationFilter(relation.field(), new FilterField.OfRelation(relation));
		}
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

package io.cores.platform.graphql;

import graphql.language.EnumValue;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.springframework.graphql.execution.TypeDefinitionConfigurer;

/**
 * Adds the four types every node type T has by convention, so the schema files declare only
 * what carries a decision: {@code TConnection}, {@code TEdge}, {@code TListFilter} (the
 * some/none/every filter of a to-many relation, when TFilter exists) and {@code TOrder}
 * (when TOrderField exists).
 */
class ConventionTypes implements TypeDefinitionConfigurer {

	private final NodeTypes types;

	ConventionTypes(NodeTypes types) {
		this.types = types;
	}

	@Override
	public void configure(TypeDefinitionRegistry registry) {
		for (var type : types.all()) {
			var name = type.name();
			replace(registry, ObjectTypeDefinition.newObjectTypeDefinition()
				.name(name + "Connection")
				.fieldDefinition(field("edges", required(list(required(named(name + "Edge"))))))
				.fieldDefinition(field("nodes", required(list(required(named(name))))))
				.fieldDefinition(field("pageInfo", required(named("PageInfo"))))
				.fieldDefinition(field("totalCount", required(named("Int"))))
				.build());
			replace(registry, ObjectTypeDefinition.newObjectTypeDefinition()
				.name(name + "Edge")
				.fieldDefinition(field("cursor", required(named("String"))))
				.fieldDefinition(field("node", required(named(name))))
				.build());
			if (registry.getType(name + "Filter").isPresent()) {
				var filter = named(name + "Filter");
				addIfAbsent(registry, InputObjectTypeDefinition.newInputObjectDefinition()
					.name(name + "ListFilter")
					.inputValueDefinition(input("some", filter, null))
					.inputValueDefinition(input("none", filter, null))
					.inputValueDefinition(input("every", filter, null))
					.build());
			}
			if (registry.getType(name + "OrderField").isPresent()) {
				addIfAbsent(registry, InputObjectTypeDefinition.newInputObjectDefinition()
					.name(name + "Order")
					.inputValueDefinition(input("field", required(named(name + "OrderField")), null))
					.inputValueDefinition(input("direction", named("OrderDirection"), new EnumValue("ASC")))
					.build());
			}
		}
	}

	/**
	 * Spring for GraphQL adds a bare Relay connection type (edges and pageInfo only) for every
	 * undefined {@code *Connection}; ours, with nodes and totalCount, takes its place.
	 */
	private static void replace(TypeDefinitionRegistry registry, graphql.language.TypeDefinition<?> definition) {
		registry.getType(definition.getName()).ifPresent(registry::remove);
		registry.add(definition);
	}

	private static void addIfAbsent(TypeDefinitionRegistry registry, graphql.language.TypeDefinition<?> definition) {
		if (registry.getType(definition.getName()).isEmpty()) {
			registry.add(definition);
		}
	}

	private static FieldDefinition field(String name, Type<?> type) {
		return FieldDefinition.newFieldDefinition().name(name).type(type).build();
	}

	private static InputValueDefinition input(String name, Type<?> type, EnumValue defaultValue) {
		var builder = InputValueDefinition.newInputValueDefinition().name(name).type(type);
		return defaultValue == null ? builder.build() : builder.defaultValue(defaultValue).build();
	}

	private static TypeName named(String name) {
		return TypeName.newTypeName(name).build();
	}

	private static ListType list(Type<?> type) {
		return ListType.newListType(type).build();
	}

	private static NonNullType required(Type<?> type) {
		return NonNullType.newNonNullType(type).build();
	}

}

package io.cores.platform.graphql.fast;

import java.util.ArrayList;
import java.util.List;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

import io.cores.platform.graphql.NodeTypes;

/**
 * Queries generated from the served schema for every node type with a root connection: all
 * its leaf fields, each object field one level down with its own leaves, each connection
 * field's first page with its count and page info; then the same page in every declared
 * order, both directions, and filtered on every filterable scalar.
 */
final class GeneratedQueries {

	private final GraphQLSchema schema;
	private final NodeTypes types;

	GeneratedQueries(GraphQLSchema schema, NodeTypes types) {
		this.schema = schema;
		this.types = types;
	}

	List<String> all() {
		var queries = new ArrayList<String>();
		for (var type : types.all()) {
			var object = schema.getObjectType(type.objectTypes().get(0));
			if (object == null || type.objectTypes().size() != 1) {
				continue;
			}
			var selection = selection(object, 2);
			queries.add("{ %s(first: 7) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } "
				.formatted(type.plural()) + "edges { cursor node " + selection + " } } }");
			for (var order : type.orders().keySet()) {
				queries.add(("{ up: %1$s(first: 4, orderBy: [{ field: %2$s, direction: ASC }]) { nodes %3$s } "
						+ "down: %1$s(last: 3, orderBy: [{ field: %2$s, direction: DESC }]) { edges { cursor node { id } } } }")
					.formatted(type.plural(), order, leaves(object)));
			}
			var filter = (GraphQLInputObjectType) schema.getType(type.name() + "Filter");
			var filtered = new StringBuilder("{");
			for (var field : type.filters().keySet()) {
				var input = filter == null ? null : filter.getFieldDefinition(field);
				var inputType = input == null ? null : GraphQLTypeUtil.unwrapAll(input.getType());
				if (inputType instanceof GraphQLInputObjectType scalarFilter && scalarFilter.getFieldDefinition("isNull") != null) {
					filtered.append(" %1$s: %2$s(first: 5, filter: { %1$s: { isNull: false } }) { totalCount nodes { id } }"
						.formatted(field, type.plural()));
				}
			}
			if (filtered.length() > 1) {
				queries.add(filtered.append(" }").toString());
			}
		}
		return queries;
	}

	/** The leaves of a type, and below them (to {@code depth}) its object fields and first pages. */
	private String selection(GraphQLObjectType object, int depth) {
		var out = new StringBuilder("{ __typename");
		for (var field : object.getFieldDefinitions()) {
			if (!field.getArguments().isEmpty() && !isConnection(field)) {
				continue;
			}
			var type = GraphQLTypeUtil.unwrapNonNull(field.getType());
			if (leaf(type)) {
				out.append(' ').append(field.getName());
			}
			else if (depth > 1 && type instanceof GraphQLObjectType target && isConnection(field)) {
				var node = (GraphQLFieldsContainer) GraphQLTypeUtil.unwrapAll(target.getFieldDefinition("nodes").getType());
				out.append(' ').append(field.getName()).append("(first: 2) { totalCount pageInfo { hasNextPage } nodes ")
					.append(leaves(node)).append(" }");
			}
			else if (depth > 1 && type instanceof GraphQLFieldsContainer target && target.getFieldDefinition("id") != null) {
				out.append(' ').append(field.getName()).append(' ').append(leaves(target));
			}
		}
		return out.append(" }").toString();
	}

	private String leaves(GraphQLFieldsContainer object) {
		var out = new StringBuilder("{ id");
		for (var field : object.getFieldDefinitions()) {
			if (field.getArguments().isEmpty() && !field.getName().equals("id")
					&& leaf(GraphQLTypeUtil.unwrapNonNull(field.getType()))) {
				out.append(' ').append(field.getName());
			}
		}
		return out.append(" }").toString();
	}

	private static boolean isConnection(GraphQLFieldDefinition field) {
		return GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLObjectType type
				&& type.getName().endsWith("Connection") && type.getFieldDefinition("nodes") != null;
	}

	private static boolean leaf(graphql.schema.GraphQLType type) {
		var unwrapped = type instanceof GraphQLList ? GraphQLTypeUtil.unwrapAll(type) : type;
		return unwrapped instanceof GraphQLScalarType || unwrapped instanceof GraphQLEnumType;
	}
}

package io.cores.platform.graphql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLSchema;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.SchemaReport;

/**
 * Adds the conventional types ({@link ConventionTypes}) and checks at start-up that the schema files and the Java side agree, so a mismatch fails the
 * build's tests instead of a client's query: every schema field resolves, every controller
 * method matches a field, and each node type's filter input and order enum list exactly
 * the filters and orders its {@link NodeType} declares.
 */
@Configuration(proxyBeanMethods = false)
class SchemaChecks {

	@Bean
	GraphQlSourceBuilderCustomizer schemaInspection(NodeTypes types, EntityManagerFactory entityManagerFactory) {
		return builder -> builder.configureTypeDefinitions(new ConventionTypes(types)).inspectSchemaMappings(initializer -> {
			for (var entity : entityManagerFactory.getMetamodel().getEntities()) {
				initializer.classMapping(entity.getJavaType().getSimpleName(), entity.getJavaType());
			}
			initializer.classMapping("PageInfo", PageInfo.class);
			for (var type : types.all()) {
				initializer.classMapping(type.name() + "Connection", Connection.class);
				initializer.classMapping(type.name() + "Edge", Edge.class);
			}
		}, report -> {
			var problems = problems(report, types);
			if (!problems.isEmpty()) {
				throw new IllegalStateException("The schema and its resolvers disagree:\n  " + String.join("\n  ", problems));
			}
		});
	}

	private static List<String> problems(SchemaReport report, NodeTypes types) {
		var problems = new ArrayList<String>();
		report.unmappedFields().forEach(field -> problems.add("no resolver for " + field));
		report.unmappedRegistrations().keySet().forEach(field -> problems.add("resolver for a field not in the schema: " + field));
		report.unmappedArguments().forEach((fetcher, args) -> problems.add("arguments " + args + " of " + fetcher + " are not in the schema"));
		report.skippedTypes().forEach(type -> problems.add("could not check type " + type));
		for (var type : types.all()) {
			problems.addAll(declarations(report.schema(), type));
		}
		return problems;
	}

	private static List<String> declarations(GraphQLSchema schema, NodeType<?, ?> type) {
		var problems = new ArrayList<String>();
		var filter = schema.getType(type.name() + "Filter");
		if (!(filter instanceof GraphQLInputObjectType input)) {
			problems.add("no input " + type.name() + "Filter");
		}
		else {
			Set<String> inSchema = new HashSet<>();
			input.getFieldDefinitions().forEach(f -> inSchema.add(f.getName()));
			inSchema.removeAll(Set.of("and", "or", "not"));
			compare(problems, type.name() + "Filter", inSchema, type.filters().keySet());
		}
		var order = schema.getType(type.name() + "OrderField");
		if (!(order instanceof GraphQLEnumType orderEnum)) {
			problems.add("no enum " + type.name() + "OrderField");
		}
		else {
			Set<String> inSchema = new HashSet<>();
			orderEnum.getValues().forEach(v -> inSchema.add(v.getName()));
			compare(problems, type.name() + "OrderField", inSchema, type.orders().keySet());
		}
		for (var root : List.of(type.singular(), type.plural())) {
			if (schema.getQueryType().getFieldDefinition(root) == null) {
				problems.add("no root field Query." + root);
			}
		}
		return problems;
	}

	private static void compare(List<String> problems, String where, Set<String> inSchema, Set<String> declared) {
		var missing = new HashSet<>(declared);
		missing.removeAll(inSchema);
		var extra = new HashSet<>(inSchema);
		extra.removeAll(declared);
		if (!missing.isEmpty()) {
			problems.add(where + " lacks " + missing + ", which the node type declares");
		}
		if (!extra.isEmpty()) {
			problems.add(where + " has " + extra + ", which the node type does not declare");
		}
	}
}

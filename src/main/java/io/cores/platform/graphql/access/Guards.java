package io.cores.platform.graphql.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.platform.persistence.BaseEntity;

/**
 * Puts every declared {@link Guard} and {@link RestrictedField} in front of its field's resolver, so authorization is
 * declared once per rule and enforced for every path to the field. Fields without a guard
 * are not wrapped and cost nothing. Every mutation and subscription must have a guard of its
 * own: a new one without a rule stops the application from starting. Every mutation's
 * description ends with who its rule lets write ({@link WritersInSchema}).
 */
@Configuration(proxyBeanMethods = false)
class Guards {

	@Bean
	GuardedFields guardedFieldRules(ObjectProvider<Guard> guardBeans, ObjectProvider<GuardSet> guardSets,
			RestrictedFields restricted) {
		var guards = new ArrayList<>(guardBeans.orderedStream().toList());
		guardSets.orderedStream().forEach(set -> guards.addAll(set.guards()));
		for (var field : restricted.all()) {
			guards.add(Guard.field(field.type(), field.field(),
					env -> field.rule().check(env.getGraphQlContext(), ((BaseEntity) env.getSource()).getId())));
		}
		return new GuardedFields(guards);
	}

	@Bean
	GraphQlSourceBuilderCustomizer guardedFields(GuardedFields guarded, RestrictedFields restricted) {
		return builder -> builder.configureTypeDefinitions(restricted)
			.typeVisitorsToTransformSchema(List.of(new WritersInSchema(guarded)))
			.typeVisitors(List.of(new Wrapper(guarded)));
	}

	/** Wraps resolvers as the schema is built; checks afterwards that every write has its rule. */
	static final class Wrapper extends GraphQLTypeVisitorStub {

		private final GuardedFields guarded;

		Wrapper(GuardedFields guarded) {
			this.guarded = guarded;
		}

		@Override
		public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
				TraverserContext<GraphQLSchemaElement> context) {
			var parent = (GraphQLFieldsContainer) context.getParentNode();
			var coordinates = parent.getName() + "." + field.getName();
			boolean root = GuardedFields.ROOT_TYPES.contains(parent.getName());
			if (root && !parent.getName().equals("Query") && !guarded.isGuarded(coordinates)) {
				throw new IllegalStateException(coordinates + " has no access rule; declare a Guard bean for it");
			}
			var checks = guarded.checks(coordinates, root);
			if (checks.isEmpty()) {
				return TraversalControl.CONTINUE;
			}
			var registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
			var fieldCoordinates = FieldCoordinates.coordinates(parent.getName(), field.getName());
			DataFetcher<?> resolver = registry.getDataFetcher(fieldCoordinates, field);
			registry.dataFetcher(fieldCoordinates, (DataFetcher<Object>) env -> {
				for (var check : checks) {
					check.check(env);
				}
				return resolver.get(env);
			});
			return TraversalControl.CONTINUE;
		}

	}
}

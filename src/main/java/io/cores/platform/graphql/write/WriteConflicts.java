package io.cores.platform.graphql.write;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

import io.cores.platform.graphql.UserError;

/**
 * Turns a write that lost a race into the payload a client can act on, for every mutation at
 * once: a declared constraint's violation becomes its {@link ConstraintError} in the payload's
 * {@code errors}. The transaction has rolled back by then, so nothing was written. Anything
 * else stays an unexpected error. (Stale versions need no mapping: an update locks the row it
 * changes before it compares versions, so it always sees the committed one.)
 */
@Configuration(proxyBeanMethods = false)
class WriteConflicts {

	@Bean
	GraphQlSourceBuilderCustomizer writeConflictPayloads(ObjectProvider<ConstraintError> declared) {
		Map<String, UserError> byConstraint = declared.orderedStream()
			.collect(Collectors.toMap(ConstraintError::constraint, ConstraintError::error));
		return builder -> builder.typeVisitors(List.of(new Wrapper(byConstraint)));
	}

	static Optional<Map<String, Object>> payloadFor(Throwable failure, Map<String, UserError> byConstraint) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
				var error = byConstraint.get(psql.getServerErrorMessage().getConstraint());
				return error == null ? Optional.empty() : Optional.of(Map.of("errors", List.of(error)));
			}
		}
		return Optional.empty();
	}

	private static final class Wrapper extends GraphQLTypeVisitorStub {

		private final Map<String, UserError> byConstraint;

		Wrapper(Map<String, UserError> byConstraint) {
			this.byConstraint = byConstraint;
		}

		@Override
		public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
				TraverserContext<GraphQLSchemaElement> context) {
			var parent = (GraphQLFieldsContainer) context.getParentNode();
			if (!parent.getName().equals("Mutation")) {
				return TraversalControl.CONTINUE;
			}
			var registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
			var coordinates = FieldCoordinates.coordinates(parent.getName(), field.getName());
			DataFetcher<?> resolver = registry.getDataFetcher(coordinates, field);
			registry.dataFetcher(coordinates, (DataFetcher<Object>) env -> {
				Object result;
				try {
					result = resolver.get(env);
				}
				catch (RuntimeException ex) {
					return payloadFor(ex, byConstraint).map(Object.class::cast).orElseThrow(() -> ex);
				}
				// annotated controllers report a failure as a Mono error
				if (result instanceof Mono<?> mono) {
					return mono.cast(Object.class).onErrorResume(ex -> payloadFor(ex, byConstraint)
						.<Mono<Object>>map(Mono::just).orElseGet(() -> Mono.error(ex)));
				}
				return result;
			});
			return TraversalControl.CONTINUE;
		}
	}
}

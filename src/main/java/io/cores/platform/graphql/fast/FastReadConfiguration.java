package io.cores.platform.graphql.fast;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Puts {@link FastReadStrategy} in front of the query strategy Spring for GraphQL builds, so
 * that whatever the fast path does not answer runs exactly as before (with Spring's
 * exception handling, which the built strategy carries).
 */
@Configuration(proxyBeanMethods = false)
class FastReadConfiguration {

	@Bean
	GraphQlSourceBuilderCustomizer fastReadStrategy(FastReads reads) {
		return builder -> builder.graphQlSourceFactory((graphQl, schema) -> new Source(
				graphQl.transform(b -> b.queryExecutionStrategy(new FastReadStrategy(graphQl.getQueryStrategy(), reads))),
				schema));
	}

	private record Source(GraphQL graphQl, GraphQLSchema schema) implements GraphQlSource {
	}
}

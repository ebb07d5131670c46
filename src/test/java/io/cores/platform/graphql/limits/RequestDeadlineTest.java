package io.cores.platform.graphql.limits;

import java.time.Duration;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-request time limit, on the real GraphQL engine with the limits as the server
 * registers them: once a request has run past it, the resolvers not yet started are refused
 * and the ones that finished keep their data. (Over HTTP no test query is slow enough to
 * reach the server's 30 s.)
 */
class RequestDeadlineTest {

	@Test
	void resolversStartedAfterTheDeadlineAreRefused() {
		var result = engine(Duration.ofMillis(300)).execute("{ slow next }");

		assertThat(result.<java.util.Map<String, Object>>getData()).containsEntry("slow", "done").containsEntry("next", null);
		assertThat(result.getErrors()).singleElement()
			.satisfies(error -> assertThat(error.getMessage()).endsWith("The request ran longer than 300 ms and was stopped"));
	}

	@Test
	void aRequestWithinTheDeadlineRunsWhole() {
		var result = engine(Duration.ofSeconds(30)).execute("{ slow next }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<java.util.Map<String, Object>>getData()).containsEntry("next", "ran");
	}

	private static GraphQL engine(Duration timeout) {
		var schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("type Query { slow: String next: String }"),
				RuntimeWiring.newRuntimeWiring()
					.type("Query", type -> type.dataFetcher("slow", sleeping()).dataFetcher("next", env -> "ran"))
					.build());
		var limits = new QueryLimitsInstrumentation(new MaxQueryDepthInstrumentation(15),
				new MaxQueryComplexityInstrumentation(1000), new OperationShape(30, 20), new RequestDeadline(timeout));
		return GraphQL.newGraphQL(schema).instrumentation(limits).build();
	}

	private static DataFetcher<String> sleeping() {
		return env -> {
			Thread.sleep(500);
			return "done";
		};
	}
}

package io.cores.platform.graphql;

import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import io.cores.platform.graphql.access.AccessDenied;
import io.cores.platform.request.RequestId;

/**
 * Turns exceptions into GraphQL errors a client can act on. Bad input names the argument;
 * anything unexpected is logged with the request id and reported by that id alone, so no
 * stack trace, class name or SQL reaches a client.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof InvalidInputException invalid) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.BAD_REQUEST)
				.message(invalid.getMessage())
				.extensions(Map.of("argument", invalid.argument()))
				.build();
		}
		if (ex instanceof AccessDenied denied) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(denied.authenticated() ? ErrorType.FORBIDDEN : ErrorType.UNAUTHORIZED)
				.message(denied.getMessage())
				.build();
		}
		// the request's own id, so the client's error, the log line and the change log agree
		Object requestId = env.getGraphQlContext().get(RequestId.MDC_KEY);
		var correlationId = (requestId == null ? UUID.randomUUID() : requestId).toString();
		log.error("Unexpected failure at {} (correlation id {})", env.getExecutionStepInfo().getPath(), correlationId, ex);
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.INTERNAL_ERROR)
			.message("Unexpected error; correlation id " + correlationId)
			.extensions(Map.of("correlationId", correlationId))
			.build();
	}
}

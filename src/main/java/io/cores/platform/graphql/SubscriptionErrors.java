package io.cores.platform.graphql;

import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

import io.cores.platform.graphql.access.AccessDenied;

/**
 * What {@link GraphQlErrors} does for queries, for a subscription that ends with an
 * exception (a bad argument found when it starts, or a failure while it runs): bad input
 * names the argument, anything unexpected is logged and reported by a correlation id only.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionErrors.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		if (ex instanceof InvalidInputException invalid) {
			return GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(invalid.getMessage())
				.extensions(Map.of("argument", invalid.argument())).build();
		}
		if (ex instanceof AccessDenied denied) {
			return GraphqlErrorBuilder.newError()
				.errorType(denied.authenticated() ? ErrorType.FORBIDDEN : ErrorType.UNAUTHORIZED)
				.message(denied.getMessage()).build();
		}
		var correlationId = UUID.randomUUID().toString();
		log.error("Subscription failed (correlation id {})", correlationId, ex);
		return GraphqlErrorBuilder.newError().errorType(ErrorType.INTERNAL_ERROR)
			.message("Subscription ended by an unexpected error; correlation id " + correlationId)
			.extensions(Map.of("correlationId", correlationId)).build();
	}
}

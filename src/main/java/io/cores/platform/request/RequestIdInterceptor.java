package io.cores.platform.request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the request id into the GraphQL context (from the HTTP request; a fresh one for each
 * operation over a WebSocket), where context propagation restores it around every data
 * fetcher, and adds it to every error of the response as {@code extensions.requestId}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		var id = request instanceof WebSocketGraphQlRequest ? UUID.randomUUID()
				: request.getAttributes().get(RequestId.ATTRIBUTE) instanceof UUID known ? known : UUID.randomUUID();
		request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(RequestId.MDC_KEY, id)).build());
		return chain.next(request).map(response -> response.getErrors().isEmpty() ? response
				: response.transform(result -> result.errors(response.getExecutionResult().getErrors().stream()
					.map(error -> withRequestId(error, id)).toList())));
	}

	private static GraphQLError withRequestId(GraphQLError error, UUID id) {
		var extensions = new LinkedHashMap<String, Object>();
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		extensions.put("requestId", id.toString());
		return GraphqlErrorBuilder.newError()
			.message(error.getMessage())
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(error.getErrorType())
			.extensions(extensions)
			.build();
	}
}

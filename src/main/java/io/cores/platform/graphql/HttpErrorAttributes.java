package io.cores.platform.graphql;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

import io.cores.platform.request.RequestId;

/**
 * A request to /graphql refused before GraphQL runs (a body that is not JSON, no query) gets
 * the GraphQL error shape that clients read, with a message saying what is wrong in words of
 * the request, never the parser's or a class's. Other paths keep Spring Boot's error body.
 */
@Component
class HttpErrorAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		var attributes = super.getErrorAttributes(request, options);
		if (!"/graphql".equals(attributes.get("path")) || !(attributes.get("status") instanceof Integer status)) {
			return attributes;
		}
		var classification = status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
		// the error dispatch runs after the request id filter has finished; the attribute stays
		var requestId = request.getAttribute(RequestId.ATTRIBUTE, WebRequest.SCOPE_REQUEST);
		return HttpErrors.body(message(getError(request), status), classification,
				requestId instanceof java.util.UUID id ? id : null);
	}

	private static String message(Throwable error, int status) {
		if (error instanceof HttpMessageNotReadableException) {
			return "The request body is not valid JSON; send {\"query\": \"...\", \"variables\": {...}}";
		}
		// Spring for GraphQL's own refusals of a request document ("No \"query\" in the request document")
		if (error instanceof ResponseStatusException refused && refused.getReason() != null && status < 500) {
			return refused.getReason();
		}
		var known = HttpStatus.resolve(status);
		return known == null ? "Request refused" : known.getReasonPhrase();
	}
}

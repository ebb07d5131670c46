package io.cores.platform.graphql;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

import io.cores.platform.persistence.Json;
import io.cores.platform.request.RequestId;

/**
 * The body of a request refused before GraphQL runs (too large, bad credentials, not JSON):
 * the GraphQL error shape, so clients read every refusal the same way.
 */
public final class HttpErrors {

	private HttpErrors() {
	}

	/** The error body, with the request id of the request being served. */
	public static Map<String, Object> body(String message, String classification) {
		return body(message, classification, RequestId.current());
	}

	public static Map<String, Object> body(String message, String classification, UUID requestId) {
		var extensions = new LinkedHashMap<String, Object>();
		extensions.put("classification", classification);
		if (requestId != null) {
			extensions.put("requestId", requestId.toString());
		}
		return Map.of("errors", List.of(Map.of("message", message, "extensions", extensions)));
	}

	public static void write(HttpServletResponse response, int status, String message, String classification)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write(Json.write(body(message, classification)));
	}
}

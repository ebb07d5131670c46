package io.cores.platform.graphql;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

import io.cores.platform.persistence.Json;

/**
 * The body of a request refused before GraphQL runs (too large, bad credentials, not JSON):
 * the GraphQL error shape, so clients read every refusal the same way.
 */
public final class HttpErrors {

	private HttpErrors() {
	}

	public static Map<String, Object> body(String message, String classification) {
		return Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("classification", classification))));
	}

	public static void write(HttpServletResponse response, int status, String message, String classification)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write(Json.write(body(message, classification)));
	}
}

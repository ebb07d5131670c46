package io.cores.platform.graphql.limits;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A larger body limit for some requests, declared by the module that knows which: a scan
 * agent posts tens of thousands of entries, which no other caller needs. Asked only about a
 * body over {@code cores.graphql.max-request-size}, after authentication, so the answer may
 * depend on who is calling.
 */
@FunctionalInterface
public interface RequestSizeAllowance {

	/** The most bytes this request may send; anything not above the general limit grants nothing. */
	long maxBytes(HttpServletRequest request);
}

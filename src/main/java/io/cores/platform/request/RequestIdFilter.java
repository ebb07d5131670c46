package io.cores.platform.request;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every HTTP request its {@link RequestId} before anything else runs, so that even a
 * request refused for its size or credentials answers with one, and logs it.
 */
class RequestIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var id = RequestId.from(request.getHeader(RequestId.HEADER));
		request.setAttribute(RequestId.ATTRIBUTE, id);
		response.setHeader(RequestId.HEADER, id.toString());
		RequestId.set(id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			RequestId.clear();
		}
	}
}

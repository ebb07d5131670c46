package io.cores.platform.graphql.limits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import io.cores.platform.graphql.HttpErrors;

/**
 * Refuses GraphQL request bodies over the limit with 413, before they are parsed: by their
 * Content-Length, or for chunked bodies by reading at most one byte past the limit. A
 * {@link RequestSizeAllowance} may raise the limit for the requests it recognises.
 */
class RequestSizeFilter extends OncePerRequestFilter {

	private final long generalMaxBytes;
	private final List<RequestSizeAllowance> allowances;

	RequestSizeFilter(long maxBytes, List<RequestSizeAllowance> allowances) {
		this.generalMaxBytes = maxBytes;
		this.allowances = allowances;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long maxBytes = generalMaxBytes;
		long length = request.getContentLengthLong();
		if (length > maxBytes || length < 0) {
			for (var allowance : allowances) {
				maxBytes = Math.max(maxBytes, allowance.maxBytes(request));
			}
		}
		if (length > maxBytes) {
			refuse(response, maxBytes);
			return;
		}
		if (length < 0 && "POST".equals(request.getMethod())) {
			var body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
			if (body.length > maxBytes) {
				refuse(response, maxBytes);
				return;
			}
			chain.doFilter(new Buffered(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletResponse response, long maxBytes) throws IOException {
		HttpErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
				"Request body exceeds " + maxBytes + " bytes", "BAD_REQUEST");
	}

	/** A request whose (already read) body is replayed from memory. */
	private static final class Buffered extends HttpServletRequestWrapper {

		private final byte[] body;

		Buffered(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			var in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is already in memory");
				}
			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}
}

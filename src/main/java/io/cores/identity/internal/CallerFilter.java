package io.cores.identity.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.cores.identity.Caller;
import io.cores.platform.graphql.HttpErrors;

/**
 * Authenticates every HTTP request from its {@code Authorization} header. The caller goes
 * into a request attribute (read by {@link CallerInterceptor} for GraphQL) and into Spring
 * Security's context (for the actuator's rules). Bad credentials end the request with 401.
 */
class CallerFilter extends OncePerRequestFilter {

	static final String ATTRIBUTE = Caller.class.getName();

	private final Authenticator authenticator;

	CallerFilter(Authenticator authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Caller caller;
		try {
			caller = authenticator.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
		}
		catch (InvalidCredentials ex) {
			refuse(response, ex.getMessage());
			return;
		}
		request.setAttribute(ATTRIBUTE, caller);
		if (!caller.isAnonymous()) {
			SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller));
		}
		chain.doFilter(request, response);
	}

	static void refuse(HttpServletResponse response, String message) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		HttpErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, message, "UNAUTHORIZED");
	}

	/** The caller as a Spring Security authentication, with its role as the authority. */
	static final class CallerAuthentication extends AbstractAuthenticationToken {

		private final Caller caller;

		CallerAuthentication(Caller caller) {
			super(List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
			this.caller = caller;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return caller;
		}
	}
}

package io.cores.platform.graphql.access;

/**
 * A field or mutation the caller may not use: UNAUTHORIZED when the caller is anonymous
 * (signing in may help), FORBIDDEN when they are known but lack the right.
 */
public class AccessDenied extends RuntimeException {

	private final boolean authenticated;

	private AccessDenied(boolean authenticated, String message) {
		super(message);
		this.authenticated = authenticated;
	}

	public static AccessDenied unauthenticated(String message) {
		return new AccessDenied(false, message);
	}

	public static AccessDenied forbidden(String message) {
		return new AccessDenied(true, message);
	}

	public boolean authenticated() {
		return authenticated;
	}
}

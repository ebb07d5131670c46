package io.cores.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the admin UI offers signing in at the identity provider ({@code cores.admin-ui.oidc.*},
 * docs/identity-provider.md): without a client id (or an issuer) it offers the API token only.
 *
 * @param issuer the provider's issuer, whose discovery document names its endpoints; defaults
 *        to the resource server's {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * @param clientId the admin UI's public client at the provider
 * @param scopes the scopes asked for, separated by spaces
 * @param name the provider's name on the sign-in button; the issuer's host when not set
 */
@ConfigurationProperties("cores.admin-ui.oidc")
record AdminSignInProperties(String issuer, String clientId, @DefaultValue("openid profile email") String scopes,
		String name) {

	boolean configured() {
		return hasText(issuer) && hasText(clientId);
	}

	private static boolean hasText(String s) {
		return s != null && !s.isBlank();
	}
}

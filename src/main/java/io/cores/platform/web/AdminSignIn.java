package io.cores.platform.web;

import java.net.URI;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin UI's sign-in settings, read by its login page before anyone signs in: the identity
 * provider to offer beside the API token, or none ({@code "oidc": null}). Open to everyone, as
 * the rest of /admin/ is; it names only what the provider's own discovery document tells anyone.
 */
@RestController
@EnableConfigurationProperties(AdminSignInProperties.class)
class AdminSignIn {

	/** What the login page reads: {@code oidc} is null when no provider is configured. */
	record Settings(Oidc oidc) {
	}

	record Oidc(String name, String issuer, String clientId, String scopes) {
	}

	private final Settings settings;

	AdminSignIn(AdminSignInProperties properties) {
		this.settings = new Settings(properties.configured() ? oidc(properties) : null);
	}

	@GetMapping("/admin/sign-in.json")
	ResponseEntity<Settings> signIn() {
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(settings);
	}

	private static Oidc oidc(AdminSignInProperties p) {
		var issuer = p.issuer().strip();
		var name = p.name() != null && !p.name().isBlank() ? p.name().strip() : URI.create(issuer).getAuthority();
		return new Oidc(name, issuer, p.clientId().strip(), p.scopes().strip());
	}
}

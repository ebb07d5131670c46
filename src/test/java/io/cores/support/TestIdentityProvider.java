package io.cores.support;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * A real OpenID Connect provider for the admin UI's sign-in (Spring Authorization Server), as a
 * small application of its own on a random port: the public client {@value #CLIENT_ID} with
 * PKCE required, form login for one in-memory person ({@value #USERNAME}), and access tokens
 * carrying what Cores provisions users from (preferred_username, email, name, groups
 * {@code cores-admins}) for the audience the test profile accepts. Its context imports only
 * the web server and security it needs, never Cores' own configuration, and Cores' test
 * contexts leave the authorization server's auto-configuration out (application-test.yaml).
 *
 * <p>Spring Authorization Server refuses {@code localhost} in redirect URIs (a loopback client
 * names its IP), so the admin is reached at 127.0.0.1; the redirect URI and the origin allowed
 * to call the token endpoint are known once Cores has its port ({@link #admit}).
 */
public final class TestIdentityProvider implements AutoCloseable {

	public static final String CLIENT_ID = "cores-admin-ui";
	public static final String USERNAME = "idp-ada";
	public static final String PASSWORD = "correct-horse-" + UUID.randomUUID();
	public static final String DISPLAY_NAME = "Ada at the provider";

	private final ConfigurableApplicationContext context;

	private TestIdentityProvider(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts the provider on a free port; no client may sign in before {@link #admit}. */
	public static TestIdentityProvider start() {
		var context = new SpringApplicationBuilder(Provider.class)
			// none of Cores' configuration files: this is another application
			.properties(Map.of("spring.config.name", "test-identity-provider", "server.port", "0",
					"server.servlet.session.cookie.name", "IDP_SESSION", "spring.main.banner-mode", "off"))
			.run();
		return new TestIdentityProvider(context);
	}

	/** The issuer: the provider's discovery document is under it, and its tokens' iss names it. */
	public String issuer() {
		return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** Lets the admin UI served at this origin sign in: its /admin/ as redirect URI, the origin for CORS. */
	public void admit(String origin) {
		var clients = context.getBean(InMemoryRegisteredClientRepository.class);
		var client = clients.findByClientId(CLIENT_ID);
		clients.save(RegisteredClient.from(client).redirectUris(uris -> {
			uris.clear();
			uris.add(origin + "/admin/");
		}).build());
		context.getBean(AdminOrigin.class).origin = origin;
	}

	@Override
	public void close() {
		context.close();
	}

	/** The origin whose scripts may read the provider's answers (discovery, keys, tokens). */
	static final class AdminOrigin implements CorsConfigurationSource {

		volatile String origin;

		@Override
		public CorsConfiguration getCorsConfiguration(jakarta.servlet.http.HttpServletRequest request) {
			if (origin == null) {
				return null;
			}
			var cors = new CorsConfiguration();
			cors.setAllowedOrigins(List.of(origin));
			cors.setAllowedMethods(List.of("GET", "POST"));
			cors.setAllowedHeaders(List.of("*"));
			return cors;
		}
	}

	/**
	 * The provider's configuration. Not a {@code @Configuration}: Cores' own contexts scan
	 * io.cores for components, and must not find a second security filter chain here.
	 */
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class })
	@EnableWebSecurity
	static class Provider {

		@Bean
		AdminOrigin adminOrigin() {
			return new AdminOrigin();
		}

		@Bean
		@Order(1)
		SecurityFilterChain authorizationServer(HttpSecurity http, AdminOrigin origin) throws Exception {
			http.oauth2AuthorizationServer(server -> {
				http.securityMatcher(server.getEndpointsMatcher());
				server.oidc(Customizer.withDefaults());
			})
				.cors(cors -> cors.configurationSource(origin))
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				// the browser is sent to sign in; a script's request is refused
				.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain signIn(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.build();
		}

		@Bean
		UserDetailsService people() {
			return new InMemoryUserDetailsManager(User.withUsername(USERNAME).password("{noop}" + PASSWORD).roles("USER").build());
		}

		@Bean
		InMemoryRegisteredClientRepository clients() {
			return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(CLIENT_ID)
				.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				// replaced by admit(origin) once Cores has its port
				.redirectUri("http://127.0.0.1/admin/")
				.scope("openid")
				.scope("profile")
				.scope("email")
				.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
				.build());
		}

		/** What Cores makes a user of: name, email and groups, for the audience Cores accepts. */
		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> accessTokenClaims() {
			return context -> {
				if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
					context.getClaims()
						.audience(List.of(CLIENT_ID, TestJwt.AUDIENCE))
						.claim("preferred_username", context.getPrincipal().getName())
						.claim("email", context.getPrincipal().getName() + "@idp.test")
						.claim("name", DISPLAY_NAME)
						.claim("groups", List.of("cores-admins"));
				}
			};
		}

		@Bean
		RSAKey signingKey() throws NoSuchAlgorithmException {
			var generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			var pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
		}

		@Bean
		JWKSource<SecurityContext> keys(RSAKey signingKey) {
			return new ImmutableJWKSet<>(new JWKSet(signingKey));
		}

		/** The OpenID Connect user info endpoint reads its own access tokens with this. */
		@Bean
		JwtDecoder ownTokens(RSAKey signingKey) throws JOSEException {
			return NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
		}

		@Bean
		AuthorizationServerSettings authorizationServerSettings() {
			return AuthorizationServerSettings.builder().build();
		}
	}
}

package io.cores.identity.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * HTTP security: stateless, every request authenticated by {@link CallerFilter} from its
 * Authorization header. GraphQL decides per field what a caller may do (see the Guard
 * beans), so /graphql is open here, as are the admin UI's files (/admin/); the actuator shows
 * health to everyone and the rest to admins.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	/**
	 * No observation per security filter, authentication and authorization: wrapping each of
	 * a dozen filters cost about a tenth of a small request's CPU (docs/performance.md); the
	 * request's own timing ({@code http.server.requests}) stays.
	 */
	@Bean
	SecurityObservationSettings noSecurityFilterObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Authenticator authenticator) throws Exception {
		return http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new CallerFilter(authenticator), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/actuator/**").hasRole("ADMIN")
				// the admin UI's files: anyone may load it, the API decides what each caller may do
				.requestMatchers(HttpMethod.GET, "/admin", "/admin/**").permitAll()
				.anyRequest().permitAll())
			.build();
	}
}

package io.cores.identity.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;

/**
 * The audience check ({@code cores.security.jwt.audiences}): a JWT the identity provider issued
 * for another application is refused. Spring Boot's decoder adds validator beans to its own
 * (lifetime, and issuer when configured), so those stay.
 */
@Configuration(proxyBeanMethods = false)
class JwtAudience {

	@Bean
	OAuth2TokenValidator<Jwt> audienceValidator(SecurityProperties properties) {
		var accepted = properties.jwt().audiences();
		if (accepted.isEmpty()) {
			return jwt -> OAuth2TokenValidatorResult.success();
		}
		return new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				aud -> aud != null && aud.stream().anyMatch(accepted::contains));
	}
}

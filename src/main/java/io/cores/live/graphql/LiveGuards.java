package io.cores.live.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.identity.Access;
import io.cores.identity.Role;
import io.cores.platform.graphql.access.Guard;

/** Raw scan payloads (what agents posted, and the per-entry answers) are for admins only. */
@Configuration(proxyBeanMethods = false)
class LiveGuards {

	@Bean
	Guard scanRawResultsAccess() {
		return Guard.field("ScanSession", "rawResults", Access.role(Role.ADMIN));
	}

	@Bean
	Guard scanResponsesAccess() {
		return Guard.field("ScanSession", "responses", Access.role(Role.ADMIN));
	}
}

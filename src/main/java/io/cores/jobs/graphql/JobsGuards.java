package io.cores.jobs.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.identity.Access;
import io.cores.identity.Role;
import io.cores.platform.graphql.access.Guard;

/** Running, cancelling and watching jobs is for admins (SPEC.md, Jobs). */
@Configuration(proxyBeanMethods = false)
class JobsGuards {

	@Bean
	Guard runJobAccess() {
		return Guard.field("Mutation", "runJob", Access.role(Role.ADMIN));
	}

	@Bean
	Guard cancelJobAccess() {
		return Guard.field("Mutation", "cancelJob", Access.role(Role.ADMIN));
	}

	@Bean
	Guard jobUpdatedAccess() {
		return Guard.field("Subscription", "jobUpdated", Access.role(Role.ADMIN));
	}
}

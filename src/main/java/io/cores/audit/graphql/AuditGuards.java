package io.cores.audit.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.identity.Access;
import io.cores.identity.Role;
import io.cores.platform.graphql.access.Guard;

/** Who may use the audit module's mutations; the object's own writers are checked on top. */
@Configuration(proxyBeanMethods = false)
class AuditGuards {

	@Bean
	Guard revertChangeAccess() {
		return Guard.field("Mutation", "revertChange", Access.role(Role.STAFF));
	}
}

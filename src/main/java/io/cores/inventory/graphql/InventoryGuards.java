package io.cores.inventory.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.identity.Access;
import io.cores.identity.Role;
import io.cores.platform.graphql.access.Guard;

/** Who may use the inventory's domain actions (the generic writes bring their own). */
@Configuration(proxyBeanMethods = false)
class InventoryGuards {

	@Bean
	Guard changeHostStatusAccess() {
		return Guard.field("Mutation", "changeHostStatus", Access.role(Role.STAFF));
	}
}

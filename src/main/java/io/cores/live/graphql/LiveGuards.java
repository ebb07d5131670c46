package io.cores.live.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.identity.Access;
import io.cores.identity.Caller;
import io.cores.identity.Role;
import io.cores.platform.graphql.access.Guard;
import io.cores.platform.graphql.access.RestrictedField;

/**
 * Raw scan payloads (what agents posted, and the per-entry answers) are for admins only; staff
 * resolve conflicts (SPEC.md).
 */
@Configuration(proxyBeanMethods = false)
class LiveGuards {

	@Bean
	RestrictedField scanRawResults() {
		return adminsOnly("rawResults");
	}

	@Bean
	RestrictedField scanResponses() {
		return adminsOnly("responses");
	}

	@Bean
	Guard resolveScanConflictAccess() {
		return Guard.field("Mutation", "resolveScanConflict", Access.role(Role.STAFF));
	}

	@Bean
	Guard bulkResolveScanConflictAccess() {
		return Guard.field("Mutation", "bulkResolveScanConflict", Access.role(Role.STAFF));
	}

	private static RestrictedField adminsOnly(String field) {
		return RestrictedField.of("ScanSession", field, "admins",
				(context, session) -> Access.require(Caller.of(context), Role.ADMIN));
	}
}

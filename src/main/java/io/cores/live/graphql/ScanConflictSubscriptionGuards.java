package io.cores.live.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.platform.graphql.access.Guard;

/**
 * Watching new conflicts is reading: whoever may read {@code scanConflicts} may subscribe,
 * anonymous callers included, and sees what the query shows them. Agent tokens are refused
 * by the rule on every root field (and at connection_init already).
 */
@Configuration(proxyBeanMethods = false)
class ScanConflictSubscriptionGuards {

	@Bean
	Guard scanConflictCreatedAccess() {
		return Guard.field("Subscription", "scanConflictCreated", env -> {
		});
	}
}

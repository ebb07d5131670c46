package io.cores.identity.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.identity.GroupMembers;
import io.cores.identity.TokenManagement;
import io.cores.platform.graphql.write.ConstraintError;

/**
 * What identity's constraints mean to a client whose write raced past the service's own
 * check (see {@link TokenManagement}): the same error the check gives.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConstraints {

	@Bean
	ConstraintError agentNameTaken() {
		return new ConstraintError("agent_name_key", TokenManagement.AGENT_NAME_TAKEN);
	}

	@Bean
	ConstraintError alreadyMember() {
		return new ConstraintError("group_membership_key", GroupMembers.ALREADY_MEMBER);
	}
}

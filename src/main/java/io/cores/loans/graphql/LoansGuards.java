package io.cores.loans.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.identity.Access;
import io.cores.identity.Caller;
import io.cores.identity.Role;
import io.cores.platform.graphql.access.Guard;
import io.cores.platform.graphql.access.RestrictedField;

/**
 * A borrower's contact email is a person's address: for the staff who lend hosts, not for
 * everyone. Staff start and return loans (SPEC.md).
 */
@Configuration(proxyBeanMethods = false)
class LoansGuards {

	@Bean
	RestrictedField loanContactEmail() {
		return RestrictedField.of("Loan", "contactEmail", "staff and admins",
				(context, loan) -> Access.require(Caller.of(context), Role.STAFF));
	}

	@Bean
	Guard startLoanAccess() {
		return Guard.field("Mutation", "startLoan", Access.role(Role.STAFF));
	}

	@Bean
	Guard returnLoanAccess() {
		return Guard.field("Mutation", "returnLoan", Access.role(Role.STAFF));
	}
}

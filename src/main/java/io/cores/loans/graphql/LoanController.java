package io.cores.loans.graphql;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.cores.loans.Loan;
import io.cores.platform.graphql.UserError;
import io.cores.platform.graphql.write.WriteType;
import io.cores.platform.graphql.write.Writes;

/**
 * The loan actions: {@code startLoan} (createLoan as it happens: starting now) and
 * {@code returnLoan}. Both go through the generic write path and its rules.
 */
@Controller
class LoanController {

	record LoanPayload(Loan loan, List<UserError> errors) {

		static LoanPayload of(Writes.Outcome<Loan> outcome) {
			return new LoanPayload(outcome.object(), outcome.errors());
		}
	}

	record ReturnLoanInput(String id, int version, OffsetDateTime returnedAt) {
	}

	private final Writes writes;
	private final WriteType<Loan> loans;
	private final LoanReturns returns;

	LoanController(Writes writes, WriteType<Loan> loans, LoanReturns returns) {
		this.writes = writes;
		this.loans = loans;
		this.returns = returns;
	}

	@MutationMapping
	LoanPayload startLoan(@Argument Map<String, Object> input, GraphQLContext context) {
		var started = new LinkedHashMap<>(input);
		started.put("start", OffsetDateTime.now());
		return LoanPayload.of(writes.create(loans, started, context));
	}

	@MutationMapping
	LoanPayload returnLoan(@Argument ReturnLoanInput input, GraphQLContext context) {
		return LoanPayload.of(returns.returnLoan(input.id(), input.version(), input.returnedAt(), context));
	}
}

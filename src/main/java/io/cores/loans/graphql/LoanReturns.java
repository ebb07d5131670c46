package io.cores.loans.graphql;

import java.time.OffsetDateTime;

import graphql.GraphQLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.cores.loans.Loan;
import io.cores.loans.LoanEnded;
import io.cores.platform.audit.Actor;
import io.cores.platform.graphql.UserError.Code;
import io.cores.platform.graphql.write.WriteType;
import io.cores.platform.graphql.write.Writes;

/**
 * Returning a loan: its {@code returnedAt} is set, once, and {@link LoanEnded} lets the
 * inventory give the host its status from before the loan, in the same transaction.
 */
@Service
class LoanReturns {

	private final Writes writes;
	private final WriteType<Loan> loans;
	private final Actor.Lookup actors;
	private final ApplicationEventPublisher events;

	LoanReturns(Writes writes, WriteType<Loan> loans, Actor.Lookup actors, ApplicationEventPublisher events) {
		this.writes = writes;
		this.loans = loans;
		this.actors = actors;
		this.events = events;
	}

	/** Returns the loan now, or at {@code at}: a time after its start and not in the future. */
	Writes.Outcome<Loan> returnLoan(String id, int version, OffsetDateTime at, GraphQLContext context) {
		return writes.act(loans, id, version, context, (loan, write) -> {
			var now = OffsetDateTime.now();
			var returnedAt = at == null ? now : at;
			if (!loan.isOpen()) {
				write.reject(Code.INVALID_STATE, "This loan was returned at " + loan.getReturnedAt(), "id");
			}
			else if (returnedAt.isAfter(now.plus(LoansWrites.CLOCK_SKEW))) {
				write.reject(Code.INVALID, "returnedAt may not be in the future", "returnedAt");
			}
			else if (returnedAt.isBefore(loan.getStart())) {
				write.reject(Code.INVALID, "returnedAt is before the loan's start (" + loan.getStart() + ")", "returnedAt");
			}
			else {
				loan.returned(returnedAt);
				events.publishEvent(new LoanEnded(loan.getId(), loan.getHostId(), actors.of(write.context())));
			}
		});
	}
}

package io.cores.loans.graphql;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.identity.Access;
import io.cores.identity.Role;
import io.cores.loans.Loan;
import io.cores.loans.LoanEnded;
import io.cores.loans.LoanStarted;
import io.cores.platform.audit.Actor;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.UserError.Code;
import io.cores.platform.graphql.write.FieldRules;
import io.cores.platform.graphql.write.Write;
import io.cores.platform.graphql.write.WriteType;

/**
 * Loans, written by staff through the generic write path (SPEC.md: STAFF writes loans). A
 * loan created is a loan started: the host leaves, and {@link LoanStarted} lets the inventory
 * put it ON_LOAN. Returning is {@code returnLoan}'s ({@link LoanReturns}); deleting an open
 * loan, recorded by mistake, gives the host back as a return would ({@link LoanEnded}).
 */
@Configuration(proxyBeanMethods = false)
class LoansWrites {

	/** How far ahead of the server's clock a client's "now" may be and still count as now. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	@Bean
	WriteType<Loan> loanWrites(Actor.Lookup actors, ApplicationEventPublisher events) {
		return WriteType.of("Loan", Loan.class, Loan::new)
			.writtenBy(Access.role(Role.STAFF))
			.reference("host", "Host", true, Loan::getHostId, Loan::setHostId)
			.required("borrower", String.class, Loan::getBorrower, Loan::setBorrower)
			.optional("contactEmail", String.class, Loan::getContactEmail, Loan::setContactEmail)
			.required("start", OffsetDateTime.class, Loan::getStart, Loan::setStart)
			.optional("due", OffsetDateTime.class, Loan::getDue, Loan::setDue)
			.optional("comment", String.class, Loan::getComment, Loan::setComment)
			.recorded("returnedAt", Loan::getReturnedAt)
			.violation("loan_one_open_per_host", Code.INVALID_STATE, "This host is on loan already; return that loan first",
					"host")
			.violation("loan_due_after_start", Code.INVALID, "due must be after start", "due")
			.violation("loan_returned_after_start", Code.INVALID, "A returned loan cannot start after its return", "start")
			.rule(FieldRules.emailAddress("contactEmail", Loan::getContactEmail))
			.rule(LoansWrites::hostStaysTheSame)
			.rule(LoansWrites::startsWhenTheHostLeaves)
			.afterSave((loan, write) -> {
				if (write.action() == Write.Action.CREATE) {
					events.publishEvent(new LoanStarted(loan.getId(), loan.getHostId(), actors.of(write.context())));
				}
			})
			.afterDelete((loan, write) -> {
				if (loan.isOpen()) {
					events.publishEvent(new LoanEnded(loan.getId(), loan.getHostId(), actors.of(write.context())));
				}
			})
			.repr(loan -> "loan to " + loan.getBorrower());
	}

	/** A loan is of one host: lending another one is another loan. */
	static void hostStaysTheSame(Loan loan, Write<Loan> write) {
		if (write.action() == Write.Action.UPDATE && write.gives("host")
				&& !Objects.equals(write.before().get("host"), GlobalId.encode("Host", loan.getHostId()))) {
			write.reject(Code.INVALID_STATE, "A loan's host does not change; return this loan and start another", "host");
		}
	}

	/** The host goes ON_LOAN when the loan is written, so the loan cannot begin later than that. */
	static void startsWhenTheHostLeaves(Loan loan, Write<Loan> write) {
		if (write.gives("start") && loan.getStart().isAfter(OffsetDateTime.now().plus(CLOCK_SKEW))) {
			write.reject(Code.INVALID, "A loan starts when its host leaves: start may not be in the future", "start");
		}
	}
}

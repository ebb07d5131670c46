package io.cores.loans.graphql;

import io.cores.loans.Loan;
import io.cores.loans.QLoan;
import io.cores.platform.graphql.NodeType;
import io.cores.platform.graphql.Relation;
import io.cores.platform.graphql.ScalarKind;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The loans module's node type and relations (schema/loans.graphqls), including
 * {@code Host.loans}. The contact email is restricted ({@link LoansGuards}), so not filterable.
 */
@Configuration(proxyBeanMethods = false)
public class LoansSchema {

	@Bean
	NodeType<Loan, QLoan> loanType() {
		return NodeType.of("Loan", Loan.class, QLoan::new)
			.sortable("borrower", "BORROWER", ScalarKind.STRING, q -> q.borrower)
			.sortable("start", "START", ScalarKind.DATE_TIME, q -> q.startsAt)
			.sortable("due", "DUE", ScalarKind.DATE_TIME, q -> q.dueAt)
			.sortable("returnedAt", "RETURNED_AT", ScalarKind.DATE_TIME, q -> q.returnedAt)
			.scalar("comment", ScalarKind.STRING, q -> q.comment)
			.custom("open", (q, value, compiler, argument) -> (Boolean) value ? q.returnedAt.isNull() : q.returnedAt.isNotNull());
	}

	@Bean
	Relation loanHostRelation() {
		return Relation.toOne("Loan", "host", "Host", Loan::getHostId, (QLoan l) -> l.hostId);
	}

	@Bean
	Relation hostLoansRelation() {
		return Relation.many("Host", "loans", "Loan", (QLoan l) -> l.hostId);
	}
}

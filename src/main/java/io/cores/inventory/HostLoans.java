package io.cores.inventory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.cores.loans.LoanEnded;
import io.cores.loans.LoanStarted;

/** The inventory's side of a loan: the host goes ON_LOAN while it is out and back after. */
@Component
class HostLoans {

	private final HostStatuses statuses;

	HostLoans(HostStatuses statuses) {
		this.statuses = statuses;
	}

	@EventListener
	void on(LoanStarted started) {
		statuses.lend(started.hostId(), started.actor());
	}

	@EventListener
	void on(LoanEnded ended) {
		statuses.giveBack(ended.hostId(), ended.actor());
	}
}

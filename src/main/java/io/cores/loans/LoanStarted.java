package io.cores.loans;

import io.cores.platform.audit.Actor;

/**
 * A loan opened: its host has left the lab. Published in the loan's transaction; the
 * inventory puts the host ON_LOAN, which in turn suspends its bookable.
 */
public record LoanStarted(long loanId, long hostId, Actor actor) {
}

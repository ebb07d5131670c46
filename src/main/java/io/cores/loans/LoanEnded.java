package io.cores.loans;

import io.cores.platform.audit.Actor;

/**
 * An open loan ended: the host was returned, or the loan, recorded by mistake, was deleted.
 * Published in that transaction; the inventory gives the host back the status it had
 * before the loan, which reactivates its bookable when that status is available.
 */
public record LoanEnded(long loanId, long hostId, Actor actor) {
}

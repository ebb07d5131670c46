/**
 * Loans: hosts lent out of the lab, to whom, until when, and when they came back. At
 * most one open loan per host (a partial unique index). Adds {@code Host.loans} to the
 * inventory's type; refers to hosts by id only.
 * <p>
 * Writes: loans through the generic write path ({@code graphql/LoansWrites}), returns through
 * {@code graphql/LoanReturns}. Events: {@link io.cores.loans.LoanStarted} when a loan is
 * written, {@link io.cores.loans.LoanEnded} when an open one is returned or deleted. The
 * inventory handles them (the host ON_LOAN, then back to its status from before), and the
 * host's own status event takes booking from there (suspend, then reactivate the bookable):
 * each module changes only its own objects, all in the loan's transaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Loans")
package io.cores.loans;

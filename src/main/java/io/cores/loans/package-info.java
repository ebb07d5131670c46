/**
 * Loans: hosts lent out of the lab, to whom, until when, and when they came back. At
 * most one open loan per host (a partial unique index). Adds {@code Host.loans} to the
 * inventory's type; refers to hosts by id only.
 * <p>
 * Events: none yet. Opening and returning a loan will publish events that the inventory
 * (host ON_LOAN, then the status from before the loan) and booking (suspend, then
 * reactivate the bookable) handle, each changing its own objects.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Loans")
package io.cores.loans;

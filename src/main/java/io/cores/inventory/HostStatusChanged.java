package io.cores.inventory;

import io.cores.platform.audit.Actor;

/**
 * A host's status changed (SPEC.md: setting a host INACTIVE or ON_LOAN is an event).
 * Published inside the changing transaction; the booking module suspends or reactivates the
 * host's bookable in that same transaction, so the change and its effects land together.
 *
 * @param actor who changed the status, recorded as the author of what follows from it
 */
public record HostStatusChanged(long hostId, String hostname, HostStatus from, HostStatus to, Actor actor) {

	/** Whether the host stopped being available for use: its holds must end. */
	public boolean withdrawn() {
		return available(from) && !available(to);
	}

	/** Whether the host became available again (back from a loan it may be NEW again). */
	public boolean restored() {
		return !available(from) && available(to);
	}

	private static boolean available(HostStatus status) {
		return status == HostStatus.NEW || status == HostStatus.ACTIVE;
	}
}

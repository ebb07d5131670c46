package io.cores.booking;

import java.time.OffsetDateTime;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.cores.inventory.HostStatusChanged;
import io.cores.platform.audit.ObjectChanged;
import io.cores.platform.graphql.write.WriteType;
import io.cores.platform.graphql.write.Writes;

/**
 * What a host's availability means for its bookable (SPEC.md, Booking): a host withdrawn
 * (INACTIVE, on loan) suspends its bookable, ends its running holds now and cancels its future
 * ones, notifying their owners; a host back to ACTIVE reactivates a suspended bookable. Runs
 * inside the transaction that changed the host, under the bookable's lock, so a hold placed
 * at the same moment either lands first and is ended here, or waits and finds the bookable
 * suspended.
 */
@Component
class HostAvailability {

	private final EntityManager entityManager;
	private final HoldManagement holds;
	private final Writes writes;
	private final WriteType<Bookable> bookables;
	private final ApplicationEventPublisher events;

	HostAvailability(EntityManager entityManager, HoldManagement holds, Writes writes, WriteType<Bookable> bookables,
			ApplicationEventPublisher events) {
		this.entityManager = entityManager;
		this.holds = holds;
		this.writes = writes;
		this.bookables = bookables;
		this.events = events;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(HostStatusChanged change) {
		if (!change.withdrawn() && !change.restored()) {
			return;
		}
		var found = entityManager.createQuery("select b from Bookable b where b.hostId = :host", Bookable.class)
			.setParameter("host", change.hostId()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
		if (found.isEmpty()) {
			return;
		}
		var bookable = found.get(0);
		var before = writes.snapshot(bookables, bookable);
		if (change.withdrawn()) {
			if (bookable.getStatus() == BookableStatus.ACTIVE) {
				bookable.setStatus(BookableStatus.SUSPENDED);
			}
			holds.withdraw(bookable.getId(), OffsetDateTime.now(), "Host " + change.hostname() + " became " + change.to(),
					change.actor());
		}
		else if (bookable.getStatus() == BookableStatus.SUSPENDED) {
			bookable.setStatus(BookableStatus.ACTIVE);
		}
		entityManager.flush();
		var after = writes.snapshot(bookables, bookable);
		if (!after.equals(before)) {
			entityManager.refresh(bookable);
			events.publishEvent(new ObjectChanged("Bookable", bookable.getId(), "UPDATE", "bookable of " + change.hostname(),
					before, after, change.actor().id(), change.actor().name()));
		}
	}
}

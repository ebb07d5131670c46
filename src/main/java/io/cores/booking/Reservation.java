package io.cores.booking;

import java.time.OffsetDateTime;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/**
 * A hold that may stay open: without an end it holds the bookable from its start until
 * it is ended. It may start in the future, to claim a host ahead of bookings.
 */
@Entity
@DiscriminatorValue("RESERVATION")
public class Reservation extends Hold {

	protected Reservation() {
	}

	public Reservation(Long bookableId, Long ownerId, OffsetDateTime start) {
		super(bookableId, ownerId, start, null);
	}
}

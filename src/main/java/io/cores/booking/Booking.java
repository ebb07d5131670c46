package io.cores.booking;

import java.time.OffsetDateTime;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A hold with a fixed end: someone uses the bookable from start to end. */
@Entity
@DiscriminatorValue("BOOKING")
public class Booking extends Hold {

	protected Booking() {
	}

	public Booking(Long bookableId, Long ownerId, OffsetDateTime start, OffsetDateTime end) {
		super(bookableId, ownerId, start, end);
	}
}

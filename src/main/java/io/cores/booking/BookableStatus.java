package io.cores.booking;

/** Whether a bookable takes new holds: only an ACTIVE one does. */
public enum BookableStatus {
	CREATED, ACTIVE, SUSPENDED, INACTIVE
}

package io.cores.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.cores.platform.persistence.BaseEntity;

/**
 * A host made bookable. Kept apart from the inventory's host so that booking state
 * (status, holds) stays in this module; at most one per host.
 */
@Entity
@Table(name = "bookable")
public class Bookable extends BaseEntity {

	@Column(name = "host_id")
	private Long hostId;

	@Enumerated(EnumType.STRING)
	private BookableStatus status = BookableStatus.CREATED;

	private String comment;

	protected Bookable() {
	}

	public Bookable(Long hostId) {
		this.hostId = hostId;
	}

	public Long getHostId() {
		return hostId;
	}

	public BookableStatus getStatus() {
		return status;
	}

	public String getComment() {
		return comment;
	}

	public void setHostId(Long hostId) {
		this.hostId = hostId;
	}

	public void setStatus(BookableStatus status) {
		this.status = status;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}
}

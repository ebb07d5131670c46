package io.cores.booking;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

import io.cores.platform.persistence.BaseEntity;

/**
 * A claim on a bookable for a period: a {@link Booking} or a {@link Reservation}. Both
 * live in the {@code hold} table, whose exclusion constraint keeps the live (not
 * cancelled) holds of a bookable from overlapping, whatever their kind. The table's
 * generated {@code period} column exists only for that constraint and is not mapped.
 */
@Entity
@Table(name = "hold")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
public abstract class Hold extends BaseEntity {

	@Column(name = "bookable_id")
	private Long bookableId;

	@Column(name = "owner_id")
	private Long ownerId;

	@Column(name = "project_id")
	private Long projectId;

	@Column(name = "starts_at")
	private OffsetDateTime startsAt;

	@Column(name = "ends_at")
	private OffsetDateTime endsAt;

	private String comment;

	/** A cancelled hold stays for the record but no longer holds the bookable. */
	@Column(name = "cancelled_at")
	private OffsetDateTime cancelledAt;

	protected Hold() {
	}

	protected Hold(Long bookableId, Long ownerId, OffsetDateTime startsAt, OffsetDateTime endsAt) {
		this.bookableId = bookableId;
		this.ownerId = ownerId;
		this.startsAt = startsAt;
		this.endsAt = endsAt;
	}

	public Long getBookableId() {
		return bookableId;
	}

	public Long getOwnerId() {
		return ownerId;
	}

	public Long getProjectId() {
		return projectId;
	}

	public OffsetDateTime getStart() {
		return startsAt;
	}

	public OffsetDateTime getEnd() {
		return endsAt;
	}

	public String getComment() {
		return comment;
	}

	public OffsetDateTime getCancelledAt() {
		return cancelledAt;
	}

	public boolean isCancelled() {
		return cancelledAt != null;
	}

	public void setBookableId(Long bookableId) {
		this.bookableId = bookableId;
	}

	public void setOwnerId(Long ownerId) {
		this.ownerId = ownerId;
	}

	public void setProjectId(Long projectId) {
		this.projectId = projectId;
	}

	public void setStart(OffsetDateTime start) {
		this.startsAt = start;
	}

	public void setEnd(OffsetDateTime end) {
		this.endsAt = end;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

	/** Visible to {@link HoldRows}, which inserts new holds. */
	@Override
	protected void inserted(long id, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
		super.inserted(id, version, createdAt, updatedAt);
	}

	/** Keeps the hold for the record while freeing its period; the exclusion constraint ignores it from now on. */
	void cancel(OffsetDateTime at) {
		this.cancelledAt = at;
	}
}

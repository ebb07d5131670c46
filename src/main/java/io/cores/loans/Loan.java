package io.cores.loans;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.cores.platform.persistence.BaseEntity;

/** A host lent to someone outside the lab; open until it is returned. */
@Entity
@Table(name = "loan")
public class Loan extends BaseEntity {

	@Column(name = "host_id")
	private Long hostId;

	/** A name, not a user: borrowers need no account. */
	private String borrower;

	@Column(name = "contact_email")
	private String contactEmail;

	@Column(name = "starts_at")
	private OffsetDateTime startsAt;

	@Column(name = "due_at")
	private OffsetDateTime dueAt;

	/** Null while the host is out. */
	@Column(name = "returned_at")
	private OffsetDateTime returnedAt;

	private String comment;

	public Loan() {
	}

	public Loan(Long hostId, String borrower, OffsetDateTime start) {
		this.hostId = hostId;
		this.borrower = borrower;
		this.startsAt = start;
	}

	public Long getHostId() {
		return hostId;
	}

	public String getBorrower() {
		return borrower;
	}

	public String getContactEmail() {
		return contactEmail;
	}

	public OffsetDateTime getStart() {
		return startsAt;
	}

	public OffsetDateTime getDue() {
		return dueAt;
	}

	public OffsetDateTime getReturnedAt() {
		return returnedAt;
	}

	public String getComment() {
		return comment;
	}

	public void setHostId(Long hostId) {
		this.hostId = hostId;
	}

	public void setBorrower(String borrower) {
		this.borrower = borrower;
	}

	public void setContactEmail(String contactEmail) {
		this.contactEmail = contactEmail;
	}

	public void setStart(OffsetDateTime start) {
		this.startsAt = start;
	}

	public void setDue(OffsetDateTime due) {
		this.dueAt = due;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

	/** Out, not yet returned. */
	public boolean isOpen() {
		return returnedAt == null;
	}

	/** The host came back at {@code at}. */
	public void returned(OffsetDateTime at) {
		if (!isOpen()) {
			throw new IllegalStateException("Loan " + getId() + " was returned at " + returnedAt);
		}
		this.returnedAt = at;
	}
}

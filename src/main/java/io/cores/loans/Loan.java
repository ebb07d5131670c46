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

	/**
	 * The host's status when the loan opened (NEW, ACTIVE or INACTIVE), restored when it is
	 * returned. Internal: not part of the schema. Kept as the inventory's status name, since
	 * this module does not depend on the inventory's types.
	 */
	@Column(name = "host_status_before")
	private String hostStatusBefore;

	private String comment;

	protected Loan() {
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

	public String getHostStatusBefore() {
		return hostStatusBefore;
	}

	public String getComment() {
		return comment;
	}

	/** Out, not yet returned. */
	public boolean isOpen() {
		return returnedAt == null;
	}
}

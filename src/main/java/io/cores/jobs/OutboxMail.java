package io.cores.jobs;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.cores.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A mail a job wrote, in the outbox until the mail server takes it. Unique by kind, subject
 * key and day, so that no run, however often repeated and on whichever instance, writes a
 * mail twice. Written in plain SQL by the jobs (MailOutbox); read here.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail extends BaseEntity {

	private String kind;

	@Column(name = "subject_key")
	private String subjectKey;

	private LocalDate day;

	private String recipient;

	private String subject;

	private String body;

	@Column(name = "job_id")
	private Long jobId;

	@Column(name = "sent_at")
	private OffsetDateTime sentAt;

	private int attempts;

	@Column(name = "last_error")
	private String lastError;

	protected OutboxMail() {
	}

	public String getKind() {
		return kind;
	}

	public String getSubjectKey() {
		return subjectKey;
	}

	public LocalDate getDay() {
		return day;
	}

	public String getRecipient() {
		return recipient;
	}

	public String getSubject() {
		return subject;
	}

	public String getBody() {
		return body;
	}

	public Long getJobId() {
		return jobId;
	}

	public OffsetDateTime getSentAt() {
		return sentAt;
	}

	public int getAttempts() {
		return attempts;
	}

	public String getLastError() {
		return lastError;
	}
}

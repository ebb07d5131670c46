package io.cores.jobs;

import java.time.OffsetDateTime;

import io.cores.platform.persistence.BaseEntity;
import io.cores.platform.persistence.Json;
import io.cores.platform.persistence.PgObjectJdbcType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcType;

/**
 * One run of a background job, scheduled or asked for. A recurring job names its interval;
 * each run is its own record, so the history of a job is its records by name. Runs are
 * written by {@code JobRuns} in plain SQL (the queue is shared by every instance); the log
 * lines are rows of their own ({@link JobLogLine}).
 */
@Entity
@Table(name = "job")
public class Job extends BaseEntity {

	private String name;

	@Enumerated(EnumType.STRING)
	private JobStatus status = JobStatus.PENDING;

	/** Minutes between runs of a recurring job; null for a one-off. */
	@Column(name = "interval_minutes")
	private Integer intervalMinutes;

	@Column(name = "scheduled_at")
	private OffsetDateTime scheduledAt;

	@Column(name = "started_at")
	private OffsetDateTime startedAt;

	@Column(name = "completed_at")
	private OffsetDateTime completedAt;

	/** The user who asked for the run; null for scheduled runs. */
	@Column(name = "user_id")
	private Long userId;

	@JdbcType(PgObjectJdbcType.Jsonb.class)
	@Column(name = "data")
	private String dataJson;

	private String error;

	/** The instance running the run, or that last ran it. */
	private String instance;

	/** A RUNNING run whose lease has passed lost its instance. */
	@Column(name = "lease_until")
	private OffsetDateTime leaseUntil;

	/** The schedule's time a scheduled run stands for; null for a run asked for. */
	private OffsetDateTime slot;

	protected Job() {
	}

	public Job(String name, Long userId) {
		this.name = name;
		this.userId = userId;
	}

	public String getName() {
		return name;
	}

	public JobStatus getStatus() {
		return status;
	}

	public Integer getIntervalMinutes() {
		return intervalMinutes;
	}

	public OffsetDateTime getScheduledAt() {
		return scheduledAt;
	}

	public OffsetDateTime getStartedAt() {
		return startedAt;
	}

	public OffsetDateTime getCompletedAt() {
		return completedAt;
	}

	public Long getUserId() {
		return userId;
	}

	public String getDataJson() {
		return dataJson;
	}

	/** The run's result, for the JSON field. */
	public Object getData() {
		return Json.parse(dataJson);
	}

	public String getError() {
		return error;
	}

	public String getInstance() {
		return instance;
	}

	public OffsetDateTime getLeaseUntil() {
		return leaseUntil;
	}

	public OffsetDateTime getSlot() {
		return slot;
	}
}

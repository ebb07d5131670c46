package io.cores.jobs;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * each run is its own record, so the history of a job is its records by name.
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

	@JdbcType(PgObjectJdbcType.Jsonb.class)
	@Column(name = "log")
	private String logJson = "[]";

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

	public String getLogJson() {
		return logJson;
	}

	/** The log lines, oldest first. */
	public List<JobLogLine> getLog() {
		var lines = new ArrayList<JobLogLine>();
		if (Json.parse(logJson) instanceof List<?> entries) {
			for (var entry : entries) {
				if (entry instanceof Map<?, ?> line) {
					lines.add(new JobLogLine(instant(line.get("at")), text(line.get("level")), text(line.get("message"))));
				}
			}
		}
		return lines;
	}

	private static OffsetDateTime instant(Object value) {
		return value == null ? null : OffsetDateTime.parse(value.toString());
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}
}

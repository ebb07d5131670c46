package io.cores.live;

import java.time.OffsetDateTime;

import io.cores.platform.persistence.BaseEntity;
import io.cores.platform.persistence.Json;
import io.cores.platform.persistence.PgObjectJdbcType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcType;

/**
 * One scan as an agent posted it: the raw results, the response line for each entry and the
 * counts. The database refuses a second session with the same agent and scannedAt, so a
 * repeated post cannot be ingested twice even when both copies arrive at once.
 */
@Entity
@Table(name = "scan_session")
public class ScanSession extends BaseEntity {

	/** The agent identity the scan carried, whether or not such an agent is registered. */
	private String agent;

	/** The registered agent of that name, when there is one. */
	@Column(name = "agent_id")
	private Long agentId;

	@Column(name = "scanned_at")
	private OffsetDateTime scannedAt;

	@JdbcType(PgObjectJdbcType.Jsonb.class)
	@Column(name = "raw_results")
	private String rawResultsJson;

	@JdbcType(PgObjectJdbcType.Jsonb.class)
	@Column(name = "responses")
	private String responsesJson = "[]";

	private boolean processed;

	private int entries;

	private int matched;

	@Column(name = "ip_updated")
	private int ipUpdated;

	@Column(name = "conflicts_created")
	private int conflictsCreated;

	@Column(name = "conflicts_superseded")
	private int conflictsSuperseded;

	private int unknown;

	private int virtual;

	@Column(name = "duration_ms")
	private long durationMs;

	protected ScanSession() {
	}

	public ScanSession(String agent, Long agentId, OffsetDateTime scannedAt, String rawResultsJson) {
		this.agent = agent;
		this.agentId = agentId;
		this.scannedAt = scannedAt;
		this.rawResultsJson = rawResultsJson;
	}

	/** Stores the outcome of ingesting this session: one response per entry, and the counts. */
	public void markProcessed(String responsesJson, ScanStats stats) {
		this.responsesJson = responsesJson;
		this.entries = stats.entries();
		this.matched = stats.matched();
		this.ipUpdated = stats.ipUpdated();
		this.conflictsCreated = stats.conflictsCreated();
		this.conflictsSuperseded = stats.conflictsSuperseded();
		this.unknown = stats.unknown();
		this.virtual = stats.virtual();
		this.durationMs = stats.durationMs();
		this.processed = true;
	}

	public String getAgent() {
		return agent;
	}

	public Long getAgentId() {
		return agentId;
	}

	public OffsetDateTime getScannedAt() {
		return scannedAt;
	}

	public String getRawResultsJson() {
		return rawResultsJson;
	}

	/** The results as posted, for the JSON field. */
	public Object getRawResults() {
		return Json.parse(rawResultsJson);
	}

	public String getResponsesJson() {
		return responsesJson;
	}

	/** The status line of each entry, for the JSON field. */
	public Object getResponses() {
		return Json.parse(responsesJson);
	}

	public boolean isProcessed() {
		return processed;
	}

	public ScanStats getStats() {
		return new ScanStats(entries, matched, ipUpdated, conflictsCreated, conflictsSuperseded, unknown, virtual,
				durationMs);
	}
}

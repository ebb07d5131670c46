package io.cores.identity;

import java.time.OffsetDateTime;

import io.cores.platform.persistence.BaseEntity;
import io.cores.platform.persistence.Json;
import io.cores.platform.persistence.PgObjectJdbcType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcType;
import org.hibernate.generator.EventType;

/**
 * A scanner that posts scans: its name is the agent identity its scans carry, and its token
 * (if any) may ingest only as this agent.
 */
@Entity
@Table(name = "agent")
public class Agent extends BaseEntity {

	private String name;

	@Column(name = "token_id")
	private Long tokenId;

	@Generated(event = EventType.INSERT)
	@Column(name = "registered_at", insertable = false, updatable = false)
	private OffsetDateTime registeredAt;

	@Column(name = "last_seen_at")
	private OffsetDateTime lastSeenAt;

	@JdbcType(PgObjectJdbcType.Jsonb.class)
	@Column(name = "metadata")
	private String metadataJson = "{}";

	protected Agent() {
	}

	public Agent(String name, Long tokenId) {
		this.name = name;
		this.tokenId = tokenId;
	}

	public Agent describedBy(Object metadata) {
		this.metadataJson = metadata == null ? "{}" : Json.write(metadata);
		return this;
	}

	public String getName() {
		return name;
	}

	public Long getTokenId() {
		return tokenId;
	}

	public OffsetDateTime getRegisteredAt() {
		return registeredAt;
	}

	public OffsetDateTime getLastSeenAt() {
		return lastSeenAt;
	}

	/** What the agent reported about itself (version, host, ...), as plain JSON values. */
	public Object getMetadata() {
		return Json.parse(metadataJson);
	}
}

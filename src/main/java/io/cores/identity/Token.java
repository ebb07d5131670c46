package io.cores.identity;

import java.time.OffsetDateTime;

import io.cores.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * An API key. The key itself is shown once, at creation; only its hash is stored, and the
 * hash has no getter so that no resolver can ever expose it. The prefix lets an owner tell
 * their tokens apart.
 */
@Entity
@Table(name = "api_token")
public class Token extends BaseEntity {

	@Column(name = "key_hash")
	private String keyHash;

	@Column(name = "key_prefix")
	private String keyPrefix;

	@Column(name = "owner_id")
	private Long ownerId;

	private String comment;

	private boolean enabled = true;

	@Column(name = "read_only")
	private boolean readOnly;

	/** The role the token grants; never above its owner's. */
	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "expires_at")
	private OffsetDateTime expiresAt;

	@Column(name = "last_used_at")
	private OffsetDateTime lastUsedAt;

	protected Token() {
	}

	public Token(String keyHash, String keyPrefix, Long ownerId, Role role) {
		this.keyHash = keyHash;
		this.keyPrefix = keyPrefix;
		this.ownerId = ownerId;
		this.role = role;
	}

	/** The settings a token is created with. */
	public Token configure(String comment, boolean readOnly, OffsetDateTime expiresAt) {
		this.comment = comment;
		this.readOnly = readOnly;
		this.expiresAt = expiresAt;
		return this;
	}

	public void enable() {
		this.enabled = true;
	}

	public void disable() {
		this.enabled = false;
	}

	public String getKeyPrefix() {
		return keyPrefix;
	}

	public Long getOwnerId() {
		return ownerId;
	}

	public String getComment() {
		return comment;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public boolean isReadOnly() {
		return readOnly;
	}

	public Role getRole() {
		return role;
	}

	public OffsetDateTime getExpiresAt() {
		return expiresAt;
	}

	public OffsetDateTime getLastUsedAt() {
		return lastUsedAt;
	}

	/** Whether the token can authenticate at {@code now}: enabled and not expired. */
	public boolean isUsableAt(OffsetDateTime now) {
		return enabled && (expiresAt == null || expiresAt.isAfter(now));
	}
}

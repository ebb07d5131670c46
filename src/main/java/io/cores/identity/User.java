package io.cores.identity;

import io.cores.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A person (or service account) known to Cores: provisioned on the first authenticated
 * request from the identity provider's claims, or created by an admin. Groups and tokens
 * are relations (see IdentitySchema), not fields here.
 */
@Entity
@Table(name = "app_user")
public class User extends BaseEntity {

	private String username;

	private String email;

	@Column(name = "display_name")
	private String displayName;

	private boolean active = true;

	/** The identity provider's subject claim; internal, never in the schema. */
	private String subject;

	@Enumerated(EnumType.STRING)
	private Role role = Role.USER;

	protected User() {
	}

	public User(String username, Role role) {
		this.username = username;
		this.role = role;
	}

	public String getUsername() {
		return username;
	}

	public String getEmail() {
		return email;
	}

	public String getDisplayName() {
		return displayName;
	}

	public boolean isActive() {
		return active;
	}

	public Role getRole() {
		return role;
	}

	/** Internal: for matching a token's claims to the user; not part of the API. */
	public String getSubject() {
		return subject;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public void setActive(Boolean active) {
		this.active = active;
	}

	public void setRole(Role role) {
		this.role = role;
	}
}

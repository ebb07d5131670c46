package io.cores.identity;

import io.cores.platform.persistence.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A named set of users: the target of notices, and a way to grant a role to its members. */
@Entity
@Table(name = "user_group")
public class Group extends BaseEntity {

	private String name;

	/** The role this group grants its members; null grants nothing beyond their own. */
	@Enumerated(EnumType.STRING)
	private Role role;

	protected Group() {
	}

	public Group(String name, Role role) {
		this.name = name;
		this.role = role;
	}

	public String getName() {
		return name;
	}

	public Role getRole() {
		return role;
	}

	public void setName(String name) {
		this.name = name;
	}

	public void setRole(Role role) {
		this.role = role;
	}
}

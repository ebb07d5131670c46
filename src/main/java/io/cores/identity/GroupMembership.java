package io.cores.identity;

import io.cores.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A user's membership of a group: the link behind User.groups and Group.members. */
@Entity
@Table(name = "group_membership")
public class GroupMembership extends BaseEntity {

	@Column(name = "user_id")
	private Long userId;

	@Column(name = "group_id")
	private Long groupId;

	protected GroupMembership() {
	}

	public GroupMembership(Long userId, Long groupId) {
		this.userId = userId;
		this.groupId = groupId;
	}

	public Long getUserId() {
		return userId;
	}

	public Long getGroupId() {
		return groupId;
	}
}

package io.cores.notices;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.cores.platform.persistence.BaseEntity;

/** A message for the dashboard, shown to everyone or to one group until it expires. */
@Entity
@Table(name = "notice")
public class Notice extends BaseEntity {

	private String title;

	/** Markdown. */
	private String body = "";

	/** Null: the notice is for everyone. */
	@Column(name = "target_group_id")
	private Long targetGroupId;

	@Enumerated(EnumType.STRING)
	private NoticeStyle style = NoticeStyle.INFO;

	/** Higher first. */
	private int priority;

	/** Null: never expires. */
	@Column(name = "expires_at")
	private OffsetDateTime expiresAt;

	protected Notice() {
	}

	public Notice(String title, String body) {
		this.title = title;
		this.body = body;
	}

	public String getTitle() {
		return title;
	}

	public String getBody() {
		return body;
	}

	public Long getTargetGroupId() {
		return targetGroupId;
	}

	public NoticeStyle getStyle() {
		return style;
	}

	public int getPriority() {
		return priority;
	}

	public OffsetDateTime getExpiresAt() {
		return expiresAt;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public void setTargetGroupId(Long targetGroupId) {
		this.targetGroupId = targetGroupId;
	}

	public void setStyle(NoticeStyle style) {
		this.style = style;
	}

	public void setPriority(Integer priority) {
		this.priority = priority;
	}

	public void setExpiresAt(OffsetDateTime expiresAt) {
		this.expiresAt = expiresAt;
	}
}

package io.cores.audit;

import io.cores.platform.graphql.GlobalId;
import io.cores.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A note a person wrote on an object, in Markdown. */
@Entity
@Table(name = "journal_entry")
public class JournalEntry extends BaseEntity {

	/** The object's GraphQL type name. */
	@Column(name = "object_type")
	private String objectType;

	/** The object's key (not its global id). */
	@Column(name = "object_id")
	private Long objectId;

	@Column(name = "author_id")
	private Long authorId;

	@Enumerated(EnumType.STRING)
	private JournalKind kind = JournalKind.INFO;

	private String comments;

	protected JournalEntry() {
	}

	public JournalEntry(String objectType, Long objectId, Long authorId, JournalKind kind, String comments) {
		this.objectType = objectType;
		this.objectId = objectId;
		this.authorId = authorId;
		this.kind = kind;
		this.comments = comments;
	}

	public String getObjectType() {
		return objectType;
	}

	/** The object's global id, as {@code node(id:)} takes it. */
	public String getObjectId() {
		return GlobalId.encode(objectType, objectId);
	}

	/** The object's key within its type. */
	public Long getObjectKey() {
		return objectId;
	}

	public Long getAuthorId() {
		return authorId;
	}

	public JournalKind getKind() {
		return kind;
	}

	public String getComments() {
		return comments;
	}

	public void setKind(JournalKind kind) {
		this.kind = kind;
	}

	public void setComments(String comments) {
		this.comments = comments;
	}
}

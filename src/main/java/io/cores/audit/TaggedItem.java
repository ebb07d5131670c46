package io.cores.audit;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/**
 * A tag on one object: the link behind Tag.hosts and Host.tags (and the other taggable
 * types). Only ever inserted or deleted, so it has no version.
 */
@Entity
@Table(name = "tagged_item")
public class TaggedItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "tag_id")
	private Long tagId;

	/** The tagged object's GraphQL type name: Host, Nic, Lab, Rack or Bookable. */
	@Column(name = "object_type")
	private String objectType;

	@Column(name = "object_id")
	private Long objectId;

	@Generated(event = EventType.INSERT)
	@Column(name = "created_at", insertable = false, updatable = false)
	private OffsetDateTime createdAt;

	protected TaggedItem() {
	}

	public TaggedItem(Long tagId, String objectType, Long objectId) {
		this.tagId = tagId;
		this.objectType = objectType;
		this.objectId = objectId;
	}

	public Long getId() {
		return id;
	}

	public Long getTagId() {
		return tagId;
	}

	public String getObjectType() {
		return objectType;
	}

	public Long getObjectId() {
		return objectId;
	}

	public OffsetDateTime getCreatedAt() {
		return createdAt;
	}
}

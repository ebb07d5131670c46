package io.cores.audit;

import java.util.UUID;

import io.cores.platform.graphql.GlobalId;
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
 * One change-log record: who changed which object how, with its data before and after.
 * The user's name is copied in so that the record still says who after the user is gone.
 */
@Entity
@Table(name = "object_change")
public class ObjectChange extends BaseEntity {

	@Column(name = "user_id")
	private Long userId;

	@Column(name = "user_name")
	private String userName;

	/** Groups the records one request wrote. */
	@Column(name = "request_id")
	private UUID requestId;

	@Enumerated(EnumType.STRING)
	private ChangeAction action;

	/** The changed object's GraphQL type name. */
	@Column(name = "object_type")
	private String objectType;

	/** The changed object's key (not its global id). */
	@Column(name = "object_id")
	private Long objectId;

	@Column(name = "object_repr")
	private String objectRepr;

	@JdbcType(PgObjectJdbcType.Jsonb.class)
	@Column(name = "data_before")
	private String dataBeforeJson;

	@JdbcType(PgObjectJdbcType.Jsonb.class)
	@Column(name = "data_after")
	private String dataAfterJson;

	protected ObjectChange() {
	}

	public ObjectChange(Long userId, String userName, UUID requestId, ChangeAction action, String objectType,
			Long objectId, String objectRepr, String dataBeforeJson, String dataAfterJson) {
		this.userId = userId;
		this.userName = userName;
		this.requestId = requestId;
		this.action = action;
		this.objectType = objectType;
		this.objectId = objectId;
		this.objectRepr = objectRepr;
		this.dataBeforeJson = dataBeforeJson;
		this.dataAfterJson = dataAfterJson;
	}

	public Long getUserId() {
		return userId;
	}

	public String getUserName() {
		return userName;
	}

	public String getRequestId() {
		return requestId == null ? null : requestId.toString();
	}

	public ChangeAction getAction() {
		return action;
	}

	public String getObjectType() {
		return objectType;
	}

	/** The changed object's global id, as {@code node(id:)} takes it. */
	public String getObjectId() {
		return GlobalId.encode(objectType, objectId);
	}

	/** The changed object's key within its type. */
	public Long getObjectKey() {
		return objectId;
	}

	public String getObjectRepr() {
		return objectRepr;
	}

	/** The object's data before the change; null for a CREATE. */
	public Object getDataBefore() {
		return Json.parse(dataBeforeJson);
	}

	/** The object's data after the change; null for a DELETE. */
	public Object getDataAfter() {
		return Json.parse(dataAfterJson);
	}
}

package io.cores.inventory;

import io.cores.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A rack in a lab. At most one rack per lab is the default, where scans place hosts found in the lab. */
@Entity
@Table(name = "rack")
public class Rack extends BaseEntity {

	private String name;

	@Column(name = "lab_id")
	private Long labId;

	@Column(name = "is_default")
	private boolean isDefault;

	protected Rack() {
	}

	public Rack(String name, Long labId) {
		this.name = name;
		this.labId = labId;
	}

	public String getName() {
		return name;
	}

	public Long getLabId() {
		return labId;
	}

	/** Named like the GraphQL field {@code isDefault}. */
	public boolean isDefault() {
		return isDefault;
	}

	public void setName(String name) {
		this.name = name;
	}

	public void setLabId(Long labId) {
		this.labId = labId;
	}

	public void setDefault(boolean isDefault) {
		this.isDefault = isDefault;
	}
}

package io.cores.inventory;

import io.cores.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A test lab in a building; its subnets are {@link LabSubnet} rows. */
@Entity
@Table(name = "lab")
public class Lab extends BaseEntity {

	private String name;

	@Column(name = "building_id")
	private Long buildingId;

	private String comment;

	protected Lab() {
	}

	public Lab(String name, Long buildingId) {
		this.name = name;
		this.buildingId = buildingId;
	}

	public String getName() {
		return name;
	}

	public Long getBuildingId() {
		return buildingId;
	}

	public String getComment() {
		return comment;
	}
}

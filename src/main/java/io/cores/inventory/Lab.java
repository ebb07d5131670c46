package io.cores.inventory;

import java.util.ArrayList;
import java.util.List;

import io.cores.platform.persistence.BaseEntity;
import io.cores.platform.persistence.PgObjectJdbcType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcType;

/**
 * A test lab in a building. Its subnets are owned rows of lab_subnet (read by queries as
 * {@link LabSubnet}): written only as the lab's whole set, and gone with the lab.
 */
@Entity
@Table(name = "lab")
public class Lab extends BaseEntity {

	private String name;

	@Column(name = "building_id")
	private Long buildingId;

	private String comment;

	@ElementCollection
	@CollectionTable(name = "lab_subnet", joinColumns = @JoinColumn(name = "lab_id"))
	@Column(name = "subnet")
	@JdbcType(PgObjectJdbcType.Cidr.class)
	@OrderBy
	private List<String> subnets = new ArrayList<>();

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

	/** The lab's subnets in address order; a copy, so a snapshot taken before a write keeps its values. */
	public List<String> getSubnets() {
		return List.copyOf(subnets);
	}

	public void setName(String name) {
		this.name = name;
	}

	public void setBuildingId(Long buildingId) {
		this.buildingId = buildingId;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

	/** Replaces the lab's set of subnets; none when null. */
	public void setSubnets(List<String> subnets) {
		this.subnets.clear();
		if (subnets != null) {
			this.subnets.addAll(subnets);
		}
	}
}

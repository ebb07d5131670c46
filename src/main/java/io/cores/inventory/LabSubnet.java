package io.cores.inventory;

import io.cores.platform.persistence.PgObjectJdbcType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcType;

/**
 * One CIDR block of a lab. Not a node: it is read and written only as part of its lab.
 * The database refuses overlapping blocks across all labs, so an address names at most one lab.
 */
@Entity
@Table(name = "lab_subnet")
public class LabSubnet {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "lab_id")
	private Long labId;

	@JdbcType(PgObjectJdbcType.Cidr.class)
	private String subnet;

	protected LabSubnet() {
	}

	public LabSubnet(Long labId, String subnet) {
		this.labId = labId;
		this.subnet = subnet;
	}

	public Long getId() {
		return id;
	}

	public Long getLabId() {
		return labId;
	}

	public String getSubnet() {
		return subnet;
	}
}

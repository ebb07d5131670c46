package io.cores.inventory;

import io.cores.platform.persistence.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A building that houses labs. */
@Entity
@Table(name = "building")
public class Building extends BaseEntity {

	private String name;

	private String address;

	private String comment;

	protected Building() {
	}

	public Building(String name) {
		this.name = name;
	}

	public String getName() {
		return name;
	}

	public String getAddress() {
		return address;
	}

	public String getComment() {
		return comment;
	}

	public void setName(String name) {
		this.name = name;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}
}

package io.cores.booking;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.cores.platform.persistence.BaseEntity;

/** What a hold is for; bookings and reservations may name one. */
@Entity
@Table(name = "project")
public class Project extends BaseEntity {

	private String name;

	private String description;

	protected Project() {
	}

	public Project(String name, String description) {
		this.name = name;
		this.description = description;
	}

	public String getName() {
		return name;
	}

	public String getDescription() {
		return description;
	}

	public void setName(String name) {
		this.name = name;
	}

	public void setDescription(String description) {
		this.description = description;
	}
}

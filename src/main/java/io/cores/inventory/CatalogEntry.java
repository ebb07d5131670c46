package io.cores.inventory;

import io.cores.platform.persistence.BaseEntity;
import jakarta.persistence.MappedSuperclass;

/** The shape the five catalogs share: a unique name and a description. */
@MappedSuperclass
public abstract class CatalogEntry extends BaseEntity {

	private String name;

	private String description;

	protected CatalogEntry() {
	}

	protected CatalogEntry(String name) {
		this.name = name;
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

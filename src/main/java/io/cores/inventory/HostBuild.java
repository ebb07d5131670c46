package io.cores.inventory;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An OS build installed on hosts. */
@Entity
@Table(name = "host_build")
public class HostBuild extends CatalogEntry {

	protected HostBuild() {
	}

	public HostBuild(String name) {
		super(name);
	}
}

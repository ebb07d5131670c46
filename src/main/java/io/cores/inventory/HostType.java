package io.cores.inventory;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A system role, e.g. tcpreplay. */
@Entity
@Table(name = "host_type")
public class HostType extends CatalogEntry {

	protected HostType() {
	}

	public HostType(String name) {
		super(name);
	}
}

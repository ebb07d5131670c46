package io.cores.inventory;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A hardware generation, e.g. Sandybridge. */
@Entity
@Table(name = "host_hardware")
public class HostHardware extends CatalogEntry {

	protected HostHardware() {
	}

	public HostHardware(String name) {
		super(name);
	}
}

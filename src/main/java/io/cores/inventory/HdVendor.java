package io.cores.inventory;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A disk vendor. */
@Entity
@Table(name = "hd_vendor")
public class HdVendor extends CatalogEntry {

	protected HdVendor() {
	}

	public HdVendor(String name) {
		super(name);
	}
}

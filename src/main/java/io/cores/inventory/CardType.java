package io.cores.inventory;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A kind of card, e.g. a RAID controller. */
@Entity
@Table(name = "card_type")
public class CardType extends CatalogEntry {

	protected CardType() {
	}

	public CardType(String name) {
		super(name);
	}
}

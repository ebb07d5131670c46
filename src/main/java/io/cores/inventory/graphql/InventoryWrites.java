package io.cores.inventory.graphql;

import java.util.function.Supplier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.identity.Access;
import io.cores.identity.Role;
import io.cores.inventory.Building;
import io.cores.inventory.Card;
import io.cores.inventory.CardType;
import io.cores.inventory.CatalogEntry;
import io.cores.inventory.HdVendor;
import io.cores.inventory.HostBuild;
import io.cores.inventory.HostHardware;
import io.cores.inventory.HostType;
import io.cores.inventory.Rack;
import io.cores.platform.graphql.UserError.Code;
import io.cores.platform.graphql.write.WriteType;

/**
 * What clients may write of the inventory (SPEC.md: STAFF writes inventory), served by the
 * generic write path. Each uniqueness rule's one place is its constraint; the declarations say
 * what its violation tells the client.
 */
@Configuration(proxyBeanMethods = false)
class InventoryWrites {

	@Bean
	WriteType<Building> buildingWrites() {
		return WriteType.of("Building", Building.class, () -> new Building(null))
			.writtenBy(Access.role(Role.STAFF))
			.required("name", String.class, Building::getName, Building::setName)
			.optional("address", String.class, Building::getAddress, Building::setAddress)
			.optional("comment", String.class, Building::getComment, Building::setComment)
			.violation("building_name_key", Code.NOT_UNIQUE, "Another building has this name", "name")
			.repr(Building::getName);
	}

	@Bean
	WriteType<Rack> rackWrites() {
		return WriteType.of("Rack", Rack.class, () -> new Rack(null, null))
			.writtenBy(Access.role(Role.STAFF))
			.required("name", String.class, Rack::getName, Rack::setName)
			.reference("lab", "Lab", true, Rack::getLabId, Rack::setLabId)
			.required("isDefault", Boolean.class, Rack::isDefault, Rack::setDefault)
			.violation("rack_name_key", Code.NOT_UNIQUE, "The lab has another rack with this name", "name")
			.violation("rack_one_default_per_lab", Code.NOT_UNIQUE, "The lab has a default rack already", "isDefault")
			.repr(Rack::getName);
	}

	@Bean
	WriteType<Card> cardWrites() {
		return WriteType.of("Card", Card.class, () -> new Card(null))
			.writtenBy(Access.role(Role.STAFF))
			.reference("cardType", "CardType", true, Card::getCardTypeId, Card::setCardTypeId)
			.optional("serial", String.class, Card::getSerial, Card::setSerial)
			.optional("assetNumber", String.class, Card::getAssetNumber, Card::setAssetNumber)
			.reference("host", "Host", false, Card::getHostId, Card::setHostId)
			.optional("comment", String.class, Card::getComment, Card::setComment)
			.violation("card_asset_number_key", Code.NOT_UNIQUE, "Another card has this asset number", "assetNumber")
			.repr(card -> card.getSerial() == null ? "card " + card.getId() : card.getSerial());
	}

	@Bean
	WriteType<HdVendor> hdVendorWrites() {
		return catalog("HdVendor", HdVendor.class, () -> new HdVendor(null), "hd_vendor");
	}

	@Bean
	WriteType<HostBuild> hostBuildWrites() {
		return catalog("HostBuild", HostBuild.class, () -> new HostBuild(null), "host_build");
	}

	@Bean
	WriteType<HostHardware> hostHardwareWrites() {
		return catalog("HostHardware", HostHardware.class, () -> new HostHardware(null), "host_hardware");
	}

	@Bean
	WriteType<HostType> hostTypeWrites() {
		return catalog("HostType", HostType.class, () -> new HostType(null), "host_type");
	}

	@Bean
	WriteType<CardType> cardTypeWrites() {
		return catalog("CardType", CardType.class, () -> new CardType(null), "card_type");
	}

	/** The five catalogs share one shape: a unique name and a description. */
	private static <E extends CatalogEntry> WriteType<E> catalog(String name, Class<E> type, Supplier<E> factory, String table) {
		return WriteType.of(name, type, factory)
			.writtenBy(Access.role(Role.STAFF))
			.required("name", String.class, CatalogEntry::getName, CatalogEntry::setName)
			.optional("description", String.class, CatalogEntry::getDescription, CatalogEntry::setDescription)
			.violation(table + "_name_key", Code.NOT_UNIQUE, "Another entry of this catalog has this name", "name")
			.repr(CatalogEntry::getName);
	}
}

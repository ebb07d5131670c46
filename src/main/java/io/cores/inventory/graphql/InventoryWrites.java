package io.cores.inventory.graphql;

import java.util.List;
import java.util.Objects;
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
import io.cores.inventory.Host;
import io.cores.inventory.HostBuild;
import io.cores.inventory.HostHardware;
import io.cores.inventory.HostType;
import io.cores.inventory.Lab;
import io.cores.inventory.Nic;
import io.cores.inventory.Rack;
import io.cores.platform.graphql.UserError.Code;
import io.cores.platform.graphql.write.Write;
import io.cores.platform.graphql.write.WriteType;

/**
 * What clients may write of the inventory (SPEC.md: STAFF writes inventory), served by the
 * generic write path. Each rule's one place is its constraint (or, for the virtualisation rules,
 * the trigger host_check_virtualisation); the declarations say what its violation tells the
 * client. Where the constraint's own refusal would mislead or say too little, a rule here checks
 * first and answers the same error.
 */
@Configuration(proxyBeanMethods = false)
class InventoryWrites {

	private static final String HOSTNAME_IS_DNS_NAME = "Not a DNS name: dot-separated labels of letters, digits and "
			+ "hyphens (not at a label's start or end), each at most 63 characters, 253 in all";

	private static final String NOT_OWN_VM_HOST = "A host cannot be its own vm host";

	private static final String PRIMARY_NEEDS_HOST = "Only a NIC on a host can be its primary NIC";

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

	/** A lab's subnets are written as its whole set: the list given replaces the lab's (null: none). */
	@Bean
	@SuppressWarnings({ "unchecked", "rawtypes" })
	WriteType<Lab> labWrites(LabSubnetOverlaps overlaps) {
		return WriteType.of("Lab", Lab.class, () -> new Lab(null, null))
			.writtenBy(Access.role(Role.STAFF))
			.required("name", String.class, Lab::getName, Lab::setName)
			.reference("building", "Building", true, Lab::getBuildingId, Lab::setBuildingId)
			.optional("subnets", (Class<List<String>>) (Class) List.class, Lab::getSubnets, Lab::setSubnets)
			.optional("comment", String.class, Lab::getComment, Lab::setComment)
			.violation("lab_name_key", Code.NOT_UNIQUE, "The building has another lab with this name", "name")
			.violation(LabSubnetOverlaps.CONSTRAINT, Code.OVERLAP, LabSubnetOverlaps.MESSAGE, "subnets")
			.rule(overlaps::requireNoOverlap)
			.repr(Lab::getName);
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

	/**
	 * A host's status is not written here (its changes are domain actions with effects on
	 * bookings), nor its ip and lastSeen, which the database derives from its NICs.
	 */
	@Bean
	WriteType<Host> hostWrites() {
		return WriteType.of("Host", Host.class, () -> new Host(null))
			.writtenBy(Access.role(Role.STAFF))
			.required("hostname", String.class, Host::getHostname, Host::setHostname)
			.optional("serial", String.class, Host::getSerial, Host::setSerial)
			.optional("assetNumber", String.class, Host::getAssetNumber, Host::setAssetNumber)
			.reference("hdVendor", "HdVendor", false, Host::getHdVendorId, Host::setHdVendorId)
			.reference("hardware", "HostHardware", false, Host::getHardwareId, Host::setHardwareId)
			.reference("rack", "Rack", false, Host::getRackId, Host::setRackId)
			.reference("type", "HostType", false, Host::getTypeId, Host::setTypeId)
			.reference("build", "HostBuild", false, Host::getBuildId, Host::setBuildId)
			.reference("vmHost", "Host", false, Host::getVmHostId, Host::setVmHostId)
			.required("hypervisor", Boolean.class, Host::isHypervisor, Host::setHypervisor)
			.optional("comment", String.class, Host::getComment, Host::setComment)
			.violation("host_hostname_key", Code.NOT_UNIQUE, "Another host has this hostname (regardless of case)", "hostname")
			.violation("host_hostname_is_dns_name", Code.INVALID, HOSTNAME_IS_DNS_NAME, "hostname")
			.violation("host_asset_number_key", Code.NOT_UNIQUE, "Another host has this asset number", "assetNumber")
			.violation("host_not_own_vm_host", Code.INVALID, NOT_OWN_VM_HOST, "vmHost")
			.violation("host_vm_host_is_hypervisor", Code.INVALID, "The vm host is not a hypervisor", "vmHost")
			.violation("host_vm_host_no_cycle", Code.INVALID,
					"The vm host runs on this host, directly or through others; the chain would loop", "vmHost")
			.violation("host_hypervisor_has_vms", Code.INVALID_STATE,
					"VMs still run on this host; move them to another hypervisor first", "hypervisor")
			.rule(InventoryWrites::requireNotOwnVmHost)
			.repr(Host::getHostname);
	}

	/**
	 * host_not_own_vm_host says it too, but the virtualisation trigger runs before the check and
	 * would call a self-reference a loop or a missing hypervisor; this says what is wrong.
	 */
	private static void requireNotOwnVmHost(Host host, Write<Host> write) {
		if (host.getId() != null && Objects.equals(host.getId(), host.getVmHostId())) {
			write.reject(Code.INVALID, NOT_OWN_VM_HOST, "vmHost");
		}
	}

	/**
	 * A NIC's MAC is stored in lower-case colon form (the MacAddress scalar normalises every
	 * accepted spelling); its lastSeen is the scans' to write.
	 */
	@Bean
	WriteType<Nic> nicWrites() {
		return WriteType.of("Nic", Nic.class, () -> new Nic(null))
			.writtenBy(Access.role(Role.STAFF))
			.required("mac", String.class, Nic::getMac, Nic::setMac)
			.optional("ip", String.class, Nic::getIp, Nic::setIp)
			.reference("host", "Host", false, Nic::getHostId, Nic::setHostId)
			.required("primary", Boolean.class, Nic::isPrimary, Nic::setPrimary)
			.optional("role", String.class, Nic::getRole, Nic::setRole)
			.violation("nic_mac_key", Code.NOT_UNIQUE, "Another NIC has this MAC address", "mac")
			.violation("nic_one_primary_per_host", Code.NOT_UNIQUE, "The host has a primary NIC already", "primary")
			.violation("nic_primary_needs_host", Code.INVALID, PRIMARY_NEEDS_HOST, "primary")
			.rule(InventoryWrites::requirePrimaryHasHost)
			.repr(Nic::getMac);
	}

	/**
	 * nic_primary_needs_host says it too, but a trigger unsets primary on a NIC taken off its host
	 * (V10), so that detaching is enough; a client that asks for primary without a host is told.
	 */
	private static void requirePrimaryHasHost(Nic nic, Write<Nic> write) {
		if (write.gives("primary") && nic.isPrimary() && nic.getHostId() == null) {
			write.reject(Code.INVALID, PRIMARY_NEEDS_HOST, "primary");
		}
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

package io.cores.inventory.graphql;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import com.querydsl.core.BooleanBuilder;
import com.querydsl.core.types.Predicate;
import com.querydsl.core.types.dsl.EntityPathBase;
import com.querydsl.jpa.JPAExpressions;
import io.cores.inventory.Building;
import io.cores.inventory.Card;
import io.cores.inventory.CardType;
import io.cores.inventory.CatalogEntry;
import io.cores.inventory.HdVendor;
import io.cores.inventory.Host;
import io.cores.inventory.HostBuild;
import io.cores.inventory.HostHardware;
import io.cores.inventory.HostStatus;
import io.cores.inventory.HostType;
import io.cores.inventory.Lab;
import io.cores.inventory.Nic;
import io.cores.inventory.QBuilding;
import io.cores.inventory.QCard;
import io.cores.inventory.QCardType;
import io.cores.inventory.QCatalogEntry;
import io.cores.inventory.QHdVendor;
import io.cores.inventory.QHost;
import io.cores.inventory.QHostBuild;
import io.cores.inventory.QHostHardware;
import io.cores.inventory.QHostType;
import io.cores.inventory.QLab;
import io.cores.inventory.QLabSubnet;
import io.cores.inventory.QNic;
import io.cores.inventory.QRack;
import io.cores.inventory.Rack;
import io.cores.platform.graphql.FilterCompiler;
import io.cores.platform.graphql.NodeType;
import io.cores.platform.graphql.Relation;
import io.cores.platform.graphql.ScalarKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inventory's node types and the relations between them (schema/inventory.graphqls). */
@Configuration(proxyBeanMethods = false)
public class InventorySchema {

	// Node types

	@Bean
	NodeType<Building, QBuilding> buildingNodeType() {
		return NodeType.of("Building", Building.class, QBuilding::new)
			.sortable("name", "NAME", ScalarKind.STRING, q -> q.name)
			.scalar("address", ScalarKind.STRING, q -> q.address)
			.scalar("comment", ScalarKind.STRING, q -> q.comment);
	}

	@Bean
	NodeType<Lab, QLab> labNodeType() {
		return NodeType.of("Lab", Lab.class, QLab::new)
			.sortable("name", "NAME", ScalarKind.STRING, q -> q.name)
			.scalar("comment", ScalarKind.STRING, q -> q.comment)
			.custom("subnets", InventorySchema::labSubnets);
	}

	@Bean
	NodeType<Rack, QRack> rackNodeType() {
		return NodeType.of("Rack", Rack.class, QRack::new)
			.sortable("name", "NAME", ScalarKind.STRING, q -> q.name)
			.sortable("isDefault", "IS_DEFAULT", ScalarKind.BOOLEAN, q -> q.isDefault);
	}

	@Bean
	NodeType<HdVendor, QHdVendor> hdVendorNodeType() {
		return catalog("HdVendor", HdVendor.class, QHdVendor::new, q -> q._super);
	}

	@Bean
	NodeType<HostBuild, QHostBuild> hostBuildNodeType() {
		return catalog("HostBuild", HostBuild.class, QHostBuild::new, q -> q._super);
	}

	@Bean
	NodeType<HostHardware, QHostHardware> hostHardwareNodeType() {
		return catalog("HostHardware", HostHardware.class, QHostHardware::new, q -> q._super);
	}

	@Bean
	NodeType<HostType, QHostType> hostTypeNodeType() {
		return catalog("HostType", HostType.class, QHostType::new, q -> q._super);
	}

	@Bean
	NodeType<CardType, QCardType> cardTypeNodeType() {
		return catalog("CardType", CardType.class, QCardType::new, q -> q._super);
	}

	@Bean
	NodeType<Card, QCard> cardNodeType() {
		return NodeType.of("Card", Card.class, QCard::new)
			.sortable("serial", "SERIAL", ScalarKind.STRING, q -> q.serial)
			.sortable("assetNumber", "ASSET_NUMBER", ScalarKind.STRING, q -> q.assetNumber)
			.scalar("comment", ScalarKind.STRING, q -> q.comment);
	}

	@Bean
	NodeType<Host, QHost> hostNodeType() {
		return NodeType.of("Host", Host.class, QHost::new)
			.sortable("hostname", "HOSTNAME", ScalarKind.STRING, q -> q.hostname)
			.uniqueIgnoringCase("hostname")
			.sortable("serial", "SERIAL", ScalarKind.STRING, q -> q.serial)
			.sortable("assetNumber", "ASSET_NUMBER", ScalarKind.STRING, q -> q.assetNumber)
			.sortable("hypervisor", "HYPERVISOR", ScalarKind.BOOLEAN, q -> q.hypervisor)
			.enumeration("status", HostStatus.class, q -> q.status)
			.order("STATUS", q -> q.status)
			.sortable("ip", "IP", ScalarKind.IP, q -> q.ip)
			.sortable("lastSeen", "LAST_SEEN", ScalarKind.DATE_TIME, q -> q.lastSeen)
			.scalar("comment", ScalarKind.STRING, q -> q.comment);
	}

	@Bean
	NodeType<Nic, QNic> nicNodeType() {
		return NodeType.of("Nic", Nic.class, QNic::new)
			.sortable("mac", "MAC", ScalarKind.MAC, q -> q.mac)
			.sortable("ip", "IP", ScalarKind.IP, q -> q.ip)
			.sortable("lastSeen", "LAST_SEEN", ScalarKind.DATE_TIME, q -> q.lastSeen)
			.sortable("primary", "PRIMARY", ScalarKind.BOOLEAN, q -> q.primary)
			.sortable("role", "ROLE", ScalarKind.STRING, q -> q.role);
	}

	/** The five catalogs share one shape: name (filter and order) and description (filter). */
	private static <E extends CatalogEntry, Q extends EntityPathBase<E>> NodeType<E, Q> catalog(String name,
			Class<E> entityClass, Function<String, Q> alias, Function<Q, QCatalogEntry> entry) {
		return NodeType.of(name, entityClass, alias)
			.sortable("name", "NAME", ScalarKind.STRING, q -> entry.apply(q).name)
			.scalar("description", ScalarKind.STRING, q -> entry.apply(q).description);
	}

	/**
	 * {@code LabFilter.subnets}: the lab has a subnet meeting every given condition;
	 * {@code isNull: true} matches labs without subnets, {@code isNull: false} labs with some.
	 */
	@SuppressWarnings("unchecked")
	private static Predicate labSubnets(QLab lab, Object value, FilterCompiler compiler, String argument) {
		var ops = new HashMap<>((Map<String, Object>) value);
		var isNull = (Boolean) ops.remove("isNull");
		// one alias per enclosing lab alias: unique along any chain of nested subqueries
		var any = new QLabSubnet(lab.getMetadata().getName() + "_subnet");
		var all = new BooleanBuilder();
		if (isNull != null) {
			var withSubnets = JPAExpressions.select(any.labId).from(any);
			all.and(isNull ? lab.id.notIn(withSubnets) : lab.id.in(withSubnets));
		}
		if (!ops.isEmpty()) {
			var subnet = new QLabSubnet(lab.getMetadata().getName() + "_matching_subnet");
			all.and(lab.id.in(JPAExpressions.select(subnet.labId)
				.from(subnet)
				.where(compiler.scalar(ScalarKind.CIDR, subnet.subnet, ops, null, "Lab", argument))));
		}
		return all.getValue();
	}

	// Relations, named owner + field

	@Bean
	Relation buildingLabsRelation() {
		return Relation.many("Building", "labs", "Lab", (QLab l) -> l.buildingId);
	}

	@Bean
	Relation labBuildingRelation() {
		return Relation.toOne("Lab", "building", "Building", Lab::getBuildingId, (QLab l) -> l.buildingId);
	}

	@Bean
	Relation labRacksRelation() {
		return Relation.many("Lab", "racks", "Rack", (QRack r) -> r.labId);
	}

	@Bean
	Relation rackLabRelation() {
		return Relation.toOne("Rack", "lab", "Lab", Rack::getLabId, (QRack r) -> r.labId);
	}

	@Bean
	Relation rackHostsRelation() {
		return Relation.many("Rack", "hosts", "Host", (QHost h) -> h.rackId);
	}

	@Bean
	Relation hostRackRelation() {
		return Relation.toOne("Host", "rack", "Rack", Host::getRackId, (QHost h) -> h.rackId);
	}

	@Bean
	Relation hostHdVendorRelation() {
		return Relation.toOne("Host", "hdVendor", "HdVendor", Host::getHdVendorId, (QHost h) -> h.hdVendorId);
	}

	@Bean
	Relation hdVendorHostsRelation() {
		return Relation.many("HdVendor", "hosts", "Host", (QHost h) -> h.hdVendorId);
	}

	@Bean
	Relation hostHardwareRelation() {
		return Relation.toOne("Host", "hardware", "HostHardware", Host::getHardwareId, (QHost h) -> h.hardwareId);
	}

	@Bean
	Relation hostHardwareHostsRelation() {
		return Relation.many("HostHardware", "hosts", "Host", (QHost h) -> h.hardwareId);
	}

	@Bean
	Relation hostTypeRelation() {
		return Relation.toOne("Host", "type", "HostType", Host::getTypeId, (QHost h) -> h.typeId);
	}

	@Bean
	Relation hostTypeHostsRelation() {
		return Relation.many("HostType", "hosts", "Host", (QHost h) -> h.typeId);
	}

	@Bean
	Relation hostBuildRelation() {
		return Relation.toOne("Host", "build", "HostBuild", Host::getBuildId, (QHost h) -> h.buildId);
	}

	@Bean
	Relation hostBuildHostsRelation() {
		return Relation.many("HostBuild", "hosts", "Host", (QHost h) -> h.buildId);
	}

	@Bean
	Relation hostVmHostRelation() {
		return Relation.toOne("Host", "vmHost", "Host", Host::getVmHostId, (QHost h) -> h.vmHostId);
	}

	@Bean
	Relation hostVmsRelation() {
		return Relation.many("Host", "vms", "Host", (QHost h) -> h.vmHostId);
	}

	@Bean
	Relation hostNicsRelation() {
		return Relation.many("Host", "nics", "Nic", (QNic n) -> n.hostId);
	}

	@Bean
	Relation nicHostRelation() {
		return Relation.toOne("Nic", "host", "Host", Nic::getHostId, (QNic n) -> n.hostId);
	}

	@Bean
	Relation hostCardsRelation() {
		return Relation.many("Host", "cards", "Card", (QCard c) -> c.hostId);
	}

	@Bean
	Relation cardHostRelation() {
		return Relation.toOne("Card", "host", "Host", Card::getHostId, (QCard c) -> c.hostId);
	}

	@Bean
	Relation cardCardTypeRelation() {
		return Relation.toOne("Card", "cardType", "CardType", Card::getCardTypeId, (QCard c) -> c.cardTypeId);
	}

	@Bean
	Relation cardTypeCardsRelation() {
		return Relation.many("CardType", "cards", "Card", (QCard c) -> c.cardTypeId);
	}
}

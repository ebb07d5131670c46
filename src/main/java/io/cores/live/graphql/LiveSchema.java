package io.cores.live.graphql;

import java.util.Map;

import com.querydsl.core.types.Expression;
import com.querydsl.jpa.JPAExpressions;

import io.cores.live.LocationScanConflict;
import io.cores.live.QScanConflict;
import io.cores.live.QScanSession;
import io.cores.live.QVirtualHostScan;
import io.cores.live.ScanConflict;
import io.cores.live.ScanConflictKind;
import io.cores.live.ScanConflictStatus;
import io.cores.live.ScanSession;
import io.cores.live.VirtualHostScan;
import io.cores.platform.graphql.FilterField;
import io.cores.platform.graphql.NodeType;
import io.cores.platform.graphql.Relation;
import io.cores.platform.graphql.ScalarKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node types and relations of schema/live.graphqls. */
@Configuration(proxyBeanMethods = false)
public class LiveSchema {

	private static final String NIC_CONFLICT = "NicScanConflict";
	private static final String LOCATION_CONFLICT = "LocationScanConflict";
	private static final String UNKNOWN_CONFLICT = "UnknownScanConflict";

	@Bean
	NodeType<ScanSession, QScanSession> scanSessionType() {
		return NodeType.of("ScanSession", ScanSession.class, QScanSession::new)
			.sortable("agent", "AGENT", ScalarKind.STRING, s -> s.agent)
			.sortable("scannedAt", "SCANNED_AT", ScalarKind.DATE_TIME, s -> s.scannedAt)
			.scalar("processed", ScalarKind.BOOLEAN, s -> s.processed);
	}

	@Bean
	NodeType<ScanConflict, QScanConflict> scanConflictType() {
		return NodeType.of("ScanConflict", ScanConflict.class, QScanConflict::new)
			.objectTypes(NIC_CONFLICT, LOCATION_CONFLICT, UNKNOWN_CONFLICT)
			.enumeration("status", ScanConflictStatus.class, c -> c.status)
			.order("STATUS", c -> c.status)
			.enumeration("kind", ScanConflictKind.class, c -> c.kind)
			.order("KIND", c -> c.kind)
			.sortable("ip", "IP", ScalarKind.IP, c -> c.ip)
			.scalar("mac", ScalarKind.MAC, c -> c.mac)
			.custom("agent", ofSession(ScalarKind.STRING, s -> s.agent))
			.custom("scannedAt", ofSession(ScalarKind.DATE_TIME, s -> s.scannedAt))
			.custom("lab", new IpInLab<QScanConflict>(c -> c.ip));
	}

	/**
	 * A conflict filtered by a field of its session under that field's own name, as on
	 * sessions ({@code agent}, {@code scannedAt}), so one filter reads the same on both.
	 */
	@SuppressWarnings("unchecked")
	private static FilterField.Custom<QScanConflict> ofSession(ScalarKind kind,
			java.util.function.Function<QScanSession, Expression<?>> field) {
		return (conflict, value, compiler, argument) -> {
			var session = new QScanSession(conflict.getMetadata().getName() + "_session_" + kind.name().toLowerCase());
			return conflict.sessionId.in(JPAExpressions.select(session.id).from(session)
				.where(compiler.scalar(kind, field.apply(session), (Map<String, Object>) value, null, "ScanSession", argument)));
		};
	}

	@Bean
	NodeType<VirtualHostScan, QVirtualHostScan> virtualHostScanType() {
		return NodeType.of("VirtualHostScan", VirtualHostScan.class, QVirtualHostScan::new)
			.sortable("mac", "MAC", ScalarKind.MAC, v -> v.mac)
			.sortable("ip", "IP", ScalarKind.IP, v -> v.ip)
			.sortable("agent", "AGENT", ScalarKind.STRING, v -> v.agent)
			.sortable("firstSeen", "FIRST_SEEN", ScalarKind.DATE_TIME, v -> v.firstSeen)
			.sortable("lastSeen", "LAST_SEEN", ScalarKind.DATE_TIME, v -> v.lastSeen)
			.custom("lab", new IpInLab<QVirtualHostScan>(v -> v.ip));
	}

	@Bean
	Relation scanSessionRegisteredAgentRelation() {
		return Relation.toOne("ScanSession", "registeredAgent", "Agent", ScanSession::getAgentId,
				(QScanSession s) -> s.agentId);
	}

	@Bean
	Relation scanSessionConflictsRelation() {
		return Relation.many("ScanSession", "conflicts", "ScanConflict", (QScanConflict c) -> c.sessionId);
	}

	@Bean
	Relation scanConflictSessionRelation() {
		return Relation.toOne("ScanConflict", "session", "ScanSession", ScanConflict::getSessionId,
				(QScanConflict c) -> c.sessionId);
	}

	@Bean
	Relation scanConflictNicRelation() {
		return Relation.toOne("ScanConflict", "nic", "Nic", ScanConflict::getNicId, (QScanConflict c) -> c.nicId)
			.onlyOn(NIC_CONFLICT, LOCATION_CONFLICT);
	}

	@Bean
	Relation scanConflictHostRelation() {
		return Relation.toOne("ScanConflict", "host", "Host", ScanConflict::getHostId, (QScanConflict c) -> c.hostId)
			.onlyOn(NIC_CONFLICT, LOCATION_CONFLICT);
	}

	@Bean
	Relation scanConflictCurrentLabRelation() {
		return Relation.toOne("ScanConflict", "currentLab", "Lab", LocationScanConflict::getCurrentLabId,
				(QScanConflict c) -> c.currentLabId)
			.onlyOn(LOCATION_CONFLICT);
	}

	@Bean
	Relation scanConflictSuggestedLabRelation() {
		return Relation.toOne("ScanConflict", "suggestedLab", "Lab", LocationScanConflict::getSuggestedLabId,
				(QScanConflict c) -> c.suggestedLabId)
			.onlyOn(LOCATION_CONFLICT);
	}

	@Bean
	Relation hostScanConflictsRelation() {
		return Relation.many("Host", "scanConflicts", "ScanConflict", (QScanConflict c) -> c.hostId);
	}

	@Bean
	Relation nicScanConflictsRelation() {
		return Relation.many("Nic", "scanConflicts", "ScanConflict", (QScanConflict c) -> c.nicId);
	}

	@Bean
	Relation agentScanSessionsRelation() {
		return Relation.many("Agent", "scanSessions", "ScanSession", (QScanSession s) -> s.agentId);
	}
}

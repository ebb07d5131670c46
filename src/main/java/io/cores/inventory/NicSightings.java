package io.cores.inventory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.cores.live.ScanIngested;
import io.cores.platform.audit.ObjectChanged;
import io.cores.platform.audit.ObjectsChanged;
import io.cores.platform.graphql.GlobalId;

/**
 * What a scan means for the inventory, applied in the scan's transaction, each kind of change
 * in one statement for the whole scan: the NICs that answered were seen (their hosts' ip and
 * lastSeen follow by trigger), NICs of NEW hosts take their first ip, those hosts go ACTIVE,
 * and hosts without a rack move to the default rack of their ip's lab.
 * <p>
 * Change log: a lastSeen is an observation, not an edit, so it is not logged (a scan touches
 * thousands); an ip taken, a status changed and a host placed are, one record each, under the
 * scan's request and poster, each kind written as one batch. Each change is applied only if
 * still due (the NIC still has no ip, the host is still NEW or rackless), so a staff edit made
 * meanwhile wins.
 */
@Component
class NicSightings {

	private final JdbcTemplate jdbc;
	private final HostStatuses statuses;
	private final ApplicationEventPublisher events;

	NicSightings(JdbcTemplate jdbc, HostStatuses statuses, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.statuses = statuses;
		this.events = events;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ScanIngested scan) {
		// NIC rows first, in SQL: the hosts read afterwards see what their triggers derived
		seen(scan);
		takeIps(scan);
		statuses.activateOnFirstSighting(scan.hostsActivated(), scan.actor());
		place(scan);
	}

	private void seen(ScanIngested scan) {
		if (scan.seenNics().isEmpty()) {
			return;
		}
		jdbc.update(con -> {
			var statement = con.prepareStatement("""
					UPDATE nic SET last_seen = ? WHERE id = ANY (?::bigint[]) AND (last_seen IS NULL OR last_seen < ?)""");
			// a scan arriving late does not move lastSeen back
			statement.setObject(1, scan.seenAt());
			statement.setArray(2, array(con, "bigint", scan.seenNics()));
			statement.setObject(3, scan.seenAt());
			return statement;
		});
	}

	private void takeIps(ScanIngested scan) {
		if (scan.ipsTaken().isEmpty()) {
			return;
		}
		var taken = jdbc.query(con -> {
			var statement = con.prepareStatement("""
					UPDATE nic n SET ip = v.ip::inet, version = n.version + 1
					FROM unnest(?::bigint[], ?::text[]) AS v(id, ip)
					WHERE n.id = v.id AND n.ip IS NULL
					RETURNING n.id, n.mac::text AS mac, host(n.ip) AS ip""");
			statement.setArray(1, array(con, "bigint", scan.ipsTaken().stream().map(ScanIngested.IpTaken::nicId).toList()));
			statement.setArray(2, array(con, "text", scan.ipsTaken().stream().map(ScanIngested.IpTaken::ip).toList()));
			return statement;
		}, (rs, row) -> new ObjectChanged("Nic", rs.getLong("id"), "UPDATE", rs.getString("mac"),
				nullable("ip", null), Map.of("ip", rs.getString("ip")), scan.actor().id(), scan.actor().name()));
		events.publishEvent(new ObjectsChanged(sorted(taken)));
	}

	private void place(ScanIngested scan) {
		if (scan.hostsPlaced().isEmpty()) {
			return;
		}
		var placed = jdbc.query(con -> {
			var statement = con.prepareStatement("""
					UPDATE host h SET rack_id = v.rack_id, version = h.version + 1
					FROM unnest(?::bigint[], ?::bigint[]) AS v(id, rack_id)
					WHERE h.id = v.id AND h.rack_id IS NULL
					RETURNING h.id, h.hostname, h.rack_id""");
			var hosts = scan.hostsPlaced();
			statement.setArray(1, array(con, "bigint", hosts.stream().map(ScanIngested.HostPlaced::hostId).toList()));
			statement.setArray(2, array(con, "bigint", hosts.stream().map(ScanIngested.HostPlaced::rackId).toList()));
			return statement;
		}, (rs, row) -> new ObjectChanged("Host", rs.getLong("id"), "UPDATE", rs.getString("hostname"), nullable("rack", null),
				Map.of("rack", GlobalId.encode("Rack", rs.getLong("rack_id"))), scan.actor().id(), scan.actor().name()));
		events.publishEvent(new ObjectsChanged(sorted(placed)));
	}

	/** In the order of the objects' ids: RETURNING answers the rows in no set order. */
	private static List<ObjectChanged> sorted(List<ObjectChanged> changes) {
		return changes.stream().sorted(Comparator.comparingLong(ObjectChanged::objectId)).toList();
	}

	private static Map<String, Object> nullable(String key, Object value) {
		var data = new HashMap<String, Object>();
		data.put(key, value);
		return data;
	}

	private static Array array(Connection con, String type, Collection<?> values) throws SQLException {
		return con.createArrayOf(type, values.toArray());
	}
}

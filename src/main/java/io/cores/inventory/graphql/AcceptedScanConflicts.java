package io.cores.inventory.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.cores.inventory.Host;
import io.cores.inventory.Nic;
import io.cores.live.ScanConflictAccepted;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.write.WriteType;
import io.cores.platform.graphql.write.Writes;

/**
 * The inventory's side of an accepted scan conflict, in the resolving transaction and through
 * the generic write path, so the same rules hold as for any edit (a NIC's MAC is unique, a
 * host's ip follows its NICs) and each change is one change-log record under the resolver:
 * a NIC taking the scanned ip, a host moving to a rack, a NIC created. A write the rules
 * refuse is thrown back, and the resolution with everything in it rolls back.
 */
@Component
class AcceptedScanConflicts {

	private final Writes writes;
	private final WriteType<Nic> nics;
	private final WriteType<Host> hosts;
	private final JdbcTemplate jdbc;

	AcceptedScanConflicts(Writes writes, WriteType<Nic> nics, WriteType<Host> hosts, JdbcTemplate jdbc) {
		this.writes = writes;
		this.nics = nics;
		this.hosts = hosts;
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ScanConflictAccepted accepted) {
		var context = accepted.context();
		if (accepted.change() instanceof ScanConflictAccepted.NicTakesIp taken) {
			refusedIf(writes.updateCurrent(nics, taken.nicId(), Map.of("ip", taken.ip()), context));
		}
		else if (accepted.change() instanceof ScanConflictAccepted.HostMoves move) {
			refusedIf(writes.updateCurrent(hosts, move.hostId(), Map.of("rack", GlobalId.encode("Rack", move.rackId())), context));
		}
		else if (accepted.change() instanceof ScanConflictAccepted.NicCreated created) {
			var input = new LinkedHashMap<String, Object>();
			input.put("mac", created.mac());
			input.put("ip", created.ip());
			input.put("primary", false);
			if (created.hostId() != null) {
				input.put("host", GlobalId.encode("Host", created.hostId()));
			}
			var nic = refusedIf(writes.create(nics, input, context));
			// the scan saw it: its lastSeen, and so its host's ip and lastSeen, as if it had been on record
			jdbc.update("UPDATE nic SET last_seen = ? WHERE id = ?", created.seenAt(), nic.getId());
		}
	}

	/** The object written, or the inventory's refusal thrown back on the resolution's input. */
	private static <E> E refusedIf(Writes.Outcome<E> outcome) {
		if (!outcome.errors().isEmpty()) {
			var error = outcome.errors().get(0);
			var field = error.field().contains("host") ? "host" : "id";
			throw new ScanConflictAccepted.Refused(error.code(), error.message(), field);
		}
		return outcome.object();
	}
}

package io.cores.live;

import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.cores.identity.Access;
import io.cores.identity.Role;
import io.cores.live.internal.ScanReads;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.UserError.Code;
import io.cores.platform.graphql.write.Write;
import io.cores.platform.graphql.write.WriteType;
import io.cores.platform.graphql.write.Writes;

/**
 * Staff resolving conflicts, one ({@code resolveScanConflict}) or many at once, all or nothing
 * ({@code bulkResolveScanConflict}), through the generic write path's domain action: the
 * conflict is locked, its version compared, and the status change logged like an update.
 * Accepting hands the inventory its change as {@link ScanConflictAccepted}, which the inventory
 * applies through its own write path in the same transaction; what it refuses refuses the
 * resolution.
 * <p>
 * Every rule is checked before anything is written ({@link #check}), so that a bulk resolution
 * reports each item's problem; applying ({@link #apply}) only changes.
 */
@Service
public class ScanConflictResolutions {

	/**
	 * The write declaration behind the action. Not a bean: conflicts are raised by scans, so no
	 * create, update or delete is served for them; the log keeps their status.
	 */
	private static final WriteType<ScanConflict> CONFLICTS = WriteType.<ScanConflict>of("ScanConflict", ScanConflict.class,
			() -> {
				throw new IllegalStateException("Conflicts are raised by scans");
			})
		.writtenBy(Access.role(Role.STAFF))
		.recorded("status", ScanConflict::getStatus)
		.repr(conflict -> conflict.getKind() + " conflict on " + conflict.getIp());

	private final Writes writes;
	private final ScanReads reads;
	private final ScanSessionRepository sessions;
	private final ApplicationEventPublisher events;

	ScanConflictResolutions(Writes writes, ScanReads reads, ScanSessionRepository sessions, ApplicationEventPublisher events) {
		this.writes = writes;
		this.reads = reads;
		this.sessions = sessions;
		this.events = events;
	}

	/** {@code host}: for accepting an UNKNOWN conflict, the host the new NIC goes on (none: an unattached NIC). */
	public Writes.Outcome<ScanConflict> resolve(String id, int version, ScanConflictResolution resolution, String host,
			GraphQLContext context) {
		var hostId = hostKey(host);
		return writes.act(CONFLICTS, id, version, context, (conflict, write) -> {
			check(conflict, resolution, hostId, write);
			if (!write.refused()) {
				apply(conflict, resolution, hostId, write);
			}
		});
	}

	/** The same resolution (and host) for every item, all or nothing; errors by item. */
	public Writes.BulkOutcome<ScanConflict> resolveAll(List<Map<String, Object>> items, ScanConflictResolution resolution,
			String host, GraphQLContext context) {
		var hostId = hostKey(host);
		return writes.bulkAct(CONFLICTS, items, context, (conflict, write) -> check(conflict, resolution, hostId, write),
				(conflict, write) -> apply(conflict, resolution, hostId, write));
	}

	private static Long hostKey(String host) {
		return host == null ? null : GlobalId.decodeKey(host, "Host", "input.host");
	}

	/**
	 * An open conflict is accepted (an IGNORED one too: staff may change their mind); only a
	 * NEW one is ignored. SUPERSEDED and RESOLVED ones are the record of what happened.
	 */
	private void check(ScanConflict conflict, ScanConflictResolution resolution, Long hostId, Write<ScanConflict> write) {
		var status = conflict.getStatus();
		if (resolution == ScanConflictResolution.IGNORE && status != ScanConflictStatus.NEW) {
			write.reject(Code.INVALID_STATE, "This conflict is " + status + "; only a NEW conflict is ignored", "id");
			return;
		}
		if (resolution == ScanConflictResolution.ACCEPT && !conflict.isOpen()) {
			write.reject(Code.INVALID_STATE, "This conflict is " + status + "; only an open (NEW or IGNORED) conflict is accepted",
					"id");
			return;
		}
		if (hostId != null && (resolution != ScanConflictResolution.ACCEPT || conflict.getKind() != ScanConflictKind.UNKNOWN)) {
			write.reject(Code.INVALID, "host is only for accepting an UNKNOWN conflict: the NIC created goes on it", "host");
			return;
		}
		if (hostId != null && !reads.hostExists(hostId)) {
			write.reject(Code.NOT_FOUND, "No Host with id " + GlobalId.encode("Host", hostId), "host");
			return;
		}
		if (resolution == ScanConflictResolution.IGNORE) {
			return;
		}
		if (conflict instanceof LocationScanConflict location) {
			defaultRackOf(location, write);
		}
		else if (conflict instanceof UnknownScanConflict unknown && reads.nicWithMacExists(unknown.getMac())) {
			write.reject(Code.INVALID_STATE, "A NIC with MAC " + unknown.getMac()
					+ " was added since the scan; a later scan will compare it, so ignore this conflict", "id");
		}
	}

	/** The rack a LOCATION conflict moves its host to: the suggested lab's default rack; null (rejected) when there is none. */
	private Long defaultRackOf(LocationScanConflict location, Write<ScanConflict> write) {
		var lab = location.getSuggestedLabId() == null ? null : reads.labAndDefaultRack(location.getSuggestedLabId());
		if (lab == null) {
			write.reject(Code.INVALID_STATE, "The scanned ip lies in no lab's subnet, so there is no lab to move the host to", "id");
			return null;
		}
		if (lab.defaultRack() == null) {
			write.reject(Code.INVALID_STATE, "Lab " + lab.labName() + " has no default rack to move the host to; "
					+ "make one of its racks the default, or move the host yourself and ignore this conflict", "id");
			return null;
		}
		return lab.defaultRack();
	}

	private void apply(ScanConflict conflict, ScanConflictResolution resolution, Long hostId, Write<ScanConflict> write) {
		if (resolution == ScanConflictResolution.IGNORE) {
			conflict.ignored();
			return;
		}
		ScanConflictAccepted.Change change;
		if (conflict instanceof NicScanConflict nic) {
			change = new ScanConflictAccepted.NicTakesIp(nic.getNicId(), nic.getScannedIp());
		}
		else if (conflict instanceof LocationScanConflict location) {
			var rack = defaultRackOf(location, write);
			if (rack == null) {
				return;
			}
			change = new ScanConflictAccepted.HostMoves(location.getHostId(), rack);
		}
		else {
			var unknown = (UnknownScanConflict) conflict;
			var seenAt = sessions.findById(unknown.getSessionId()).orElseThrow().getScannedAt();
			change = new ScanConflictAccepted.NicCreated(unknown.getMac(), unknown.getIp(), hostId, seenAt);
		}
		try {
			events.publishEvent(new ScanConflictAccepted(conflict.getId(), change, write.context()));
		}
		catch (ScanConflictAccepted.Refused refused) {
			write.reject(refused.code(), refused.getMessage(), refused.field());
			return;
		}
		conflict.resolved();
	}
}

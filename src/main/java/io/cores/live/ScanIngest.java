package io.cores.live;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cores.identity.Agents;
import io.cores.identity.Caller;
import io.cores.live.internal.ParsedEntry;
import io.cores.live.internal.Reconciliation;
import io.cores.live.internal.ScanReads;
import io.cores.live.internal.ScanWrites;
import io.cores.platform.audit.Actor;
import io.cores.platform.graphql.UserError;
import io.cores.platform.graphql.access.AccessDenied;
import io.cores.platform.persistence.Json;

/**
 * Ingesting a scan, in one transaction: who may post it and as which agent, the entry limit,
 * one session per agent and timestamp, then SPEC.md's algorithm ({@link Reconciliation}) over
 * the inventory and open conflicts read in a few set-based statements. This module writes the
 * session, conflicts and virtual host scans; the inventory's changes go out as one
 * {@link ScanIngested} event, applied by the inventory in the same transaction. A dry run
 * answers the same and writes nothing.
 */
@Service
public class ScanIngest {

	/** A repeated scan; also what the constraint scan_session_agent_time_key means to a racing duplicate. */
	public static final UserError REPEATED = UserError.of(UserError.Code.NOT_UNIQUE,
			"The agent has posted a scan with this timestamp already", "input", "timestamp");

	public record Ingested(ScanSession session, List<ScanEntryResponse> responses, ScanStats stats,
			List<ScanConflictFinding> conflictsCreated, List<ScanConflict> conflictsSuperseded, List<UserError> errors) {

		static Ingested refused(UserError error) {
			return new Ingested(null, null, null, null, null, List.of(error));
		}
	}

	private final ScanReads reads;
	private final ScanWrites writes;
	private final ScanSessionRepository sessions;
	private final ScanConflictRepository conflicts;
	private final Agents agents;
	private final IngestLimits limits;
	private final ApplicationEventPublisher events;

	ScanIngest(ScanReads reads, ScanWrites writes, ScanSessionRepository sessions, ScanConflictRepository conflicts,
			Agents agents, IngestLimits limits, ApplicationEventPublisher events) {
		this.reads = reads;
		this.writes = writes;
		this.sessions = sessions;
		this.conflicts = conflicts;
		this.agents = agents;
		this.limits = limits;
		this.events = events;
	}

	@Transactional
	public Ingested ingest(Caller caller, Actor actor, String agentNamed, OffsetDateTime timestamp, List<ScanEntry> results,
			boolean dryRun) {
		long started = System.nanoTime();
		var agent = postingAgent(caller, agentNamed);
		if (agent == null) {
			return Ingested.refused(UserError.of(UserError.Code.REQUIRED, "Name the agent the scan is entered for", "input",
					"agent"));
		}
		if (results.size() > limits.maxEntries()) {
			return Ingested.refused(UserError.of(UserError.Code.INVALID, "A scan has at most " + limits.maxEntries()
					+ " results; this one has " + results.size(), "input", "results"));
		}
		// the database keeps microseconds: a repeat must compare equal to what was stored
		var scannedAt = (timestamp == null ? OffsetDateTime.now(ZoneOffset.UTC) : timestamp).truncatedTo(ChronoUnit.MICROS);
		if (!dryRun) {
			writes.takeTurn();
		}
		if (reads.sessionExists(agent, scannedAt)) {
			return Ingested.refused(REPEATED);
		}
		var agentId = agents.idOf(agent).orElse(null);
		ScanSession session = null;
		if (!dryRun) {
			session = sessions.saveAndFlush(new ScanSession(agent, agentId, scannedAt, rawResults(results)));
		}

		var parsed = new ArrayList<ParsedEntry>(results.size());
		for (int i = 0; i < results.size(); i++) {
			parsed.add(ParsedEntry.of(i, results.get(i)));
		}
		var reconciliation = reconcile(parsed);
		var raised = reconciliation.raised();
		if (dryRun) {
			var superseded = conflicts.findAllById(reconciliation.superseded());
			return new Ingested(null, reconciliation.responses(), stats(reconciliation, results.size(), started),
					raised.stream().map(f -> f.describe(null)).toList(), superseded, List.of());
		}

		writes.supersede(reconciliation.superseded());
		writes.insert(session.getId(), raised);
		writes.sightVirtualHosts(reconciliation.virtuals(), agent, scannedAt);
		if (caller.isAgent() && agentId != null) {
			agents.seen(agentId);
		}
		events.publishEvent(new ScanIngested(session.getId(), scannedAt, reconciliation.seen(),
				reconciliation.ipsTaken().entrySet().stream().map(e -> new ScanIngested.IpTaken(e.getKey(), e.getValue())).toList(),
				reconciliation.activated(),
				reconciliation.placed().entrySet().stream().map(e -> new ScanIngested.HostPlaced(e.getKey(), e.getValue())).toList(),
				actor));
		var createdIds = raised.stream().map(f -> f.id()).toList();
		if (!createdIds.isEmpty()) {
			events.publishEvent(new ScanConflictsCreated(session.getId(), createdIds));
		}

		var ids = new LinkedHashSet<Long>(createdIds);
		ids.addAll(reconciliation.superseded());
		Map<Long, ScanConflict> stored = conflicts.findAllById(ids).stream()
			.collect(Collectors.toMap(ScanConflict::getId, Function.identity()));
		var stats = stats(reconciliation, results.size(), started);
		session.markProcessed(Json.write(reconciliation.responses()), stats);
		sessions.flush();
		return new Ingested(session, reconciliation.responses(), stats,
				raised.stream().map(f -> f.describe(stored.get(f.id()))).toList(),
				reconciliation.superseded().stream().map(stored::get).toList(), List.of());
	}

	private static ScanStats stats(Reconciliation reconciliation, int entries, long started) {
		return new ScanStats(entries, reconciliation.matched(), reconciliation.ipsTaken().size(),
				reconciliation.raised().size(), reconciliation.supersededCount(), reconciliation.unknown(),
				reconciliation.virtual(), (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Who the scan is from: an agent token's own agent (naming another is refused), or the
	 * agent an admin names for a manual entry (null when none is named). Who may post at all
	 * is the mutation's guard.
	 */
	private static String postingAgent(Caller caller, String named) {
		var name = named == null || named.isBlank() ? null : named.trim();
		if (caller.isAgent()) {
			if (caller.agent() == null) {
				throw AccessDenied.forbidden("This agent token belongs to no registered agent");
			}
			if (name != null && !name.equals(caller.agent())) {
				throw AccessDenied.forbidden("An agent token posts scans only as its own agent, " + caller.agent());
			}
			return caller.agent();
		}
		return name;
	}

	/** Reads what the results name, in three statements whatever their number, and reconciles them in order. */
	private Reconciliation reconcile(List<ParsedEntry> parsed) {
		var macs = new LinkedHashSet<String>();
		var nicIds = new LinkedHashSet<Long>();
		var ips = new LinkedHashSet<String>();
		for (var entry : parsed) {
			if (entry.isValid()) {
				ips.add(entry.ip());
				if (entry.mac() != null) {
					macs.add(entry.mac());
				}
				else {
					nicIds.add(entry.nicId());
				}
			}
		}
		var nics = reads.nics(macs, nicIds);
		var places = reads.places(ips);
		var unknownMacs = macs.stream().filter(mac -> !nics.hasMac(mac)).toList();
		var open = reads.openConflicts(nics.nicIds(), nics.hostIds(), unknownMacs);
		var reconciliation = new Reconciliation(nics, places, open);
		parsed.forEach(reconciliation::add);
		return reconciliation;
	}

	/** The results as posted, each with only the keys given. */
	private static String rawResults(List<ScanEntry> results) {
		var raw = new ArrayList<Map<String, String>>(results.size());
		for (var entry : results) {
			var item = new LinkedHashMap<String, String>();
			if (entry.mac() != null) {
				item.put("mac", entry.mac());
			}
			if (entry.nic() != null) {
				item.put("nic", entry.nic());
			}
			if (entry.ip() != null) {
				item.put("ip", entry.ip());
			}
			raw.add(item);
		}
		return Json.write(raw);
	}
}

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
import io.cores.live.internal.Finding;
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
		// stored first: a copy racing past the check above waits on its unique key, then fails
		var session = dryRun ? null : sessions.saveAndFlush(new ScanSession(agent, agentId, scannedAt, rawResults(results)));
		var reconciliation = reconcile(results);
		if (dryRun) {
			return new Ingested(null, reconciliation.responses(), stats(reconciliation, results.size(), started),
					reconciliation.raised().stream().map(f -> f.describe(null)).toList(),
					conflicts.findAllById(reconciliation.superseded()), List.of());
		}
		write(session, reconciliation, actor);
		if (caller.isAgent() && agentId != null) {
			agents.seen(agentId);
		}
		var stats = stats(reconciliation, results.size(), started);
		session.markProcessed(Json.write(reconciliation.responses()), stats);
		sessions.flush();
		return answer(session, reconciliation, stats);
	}

	/** This module's rows in a statement each, then the inventory's share as one event. */
	private void write(ScanSession session, Reconciliation reconciliation, Actor actor) {
		writes.supersede(reconciliation.superseded());
		writes.insert(session.getId(), reconciliation.raised());
		writes.sightVirtualHosts(reconciliation.virtuals(), session.getAgent(), session.getScannedAt());
		events.publishEvent(new ScanIngested(session.getId(), session.getScannedAt(), reconciliation.seen(),
				reconciliation.ipsTaken().entrySet().stream().map(e -> new ScanIngested.IpTaken(e.getKey(), e.getValue())).toList(),
				reconciliation.activated(),
				reconciliation.placed().entrySet().stream().map(e -> new ScanIngested.HostPlaced(e.getKey(), e.getValue())).toList(),
				actor));
		var created = reconciliation.raised().stream().map(Finding::id).toList();
		if (!created.isEmpty()) {
			events.publishEvent(new ScanConflictsCreated(session.getId(), created));
		}
	}

	/** The payload, with the created and superseded conflicts as stored (one read for both). */
	private Ingested answer(ScanSession session, Reconciliation reconciliation, ScanStats stats) {
		var ids = new LinkedHashSet<Long>();
		reconciliation.raised().forEach(f -> ids.add(f.id()));
		ids.addAll(reconciliation.superseded());
		Map<Long, ScanConflict> stored = conflicts.findAllById(ids).stream()
			.collect(Collectors.toMap(ScanConflict::getId, Function.identity()));
		return new Ingested(session, reconciliation.responses(), stats,
				reconciliation.raised().stream().map(f -> f.describe(stored.get(f.id()))).toList(),
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
	private Reconciliation reconcile(List<ScanEntry> results) {
		var parsed = new ArrayList<ParsedEntry>(results.size());
		for (int i = 0; i < results.size(); i++) {
			parsed.add(ParsedEntry.of(i, results.get(i)));
		}
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

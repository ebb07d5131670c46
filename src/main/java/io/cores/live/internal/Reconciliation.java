package io.cores.live.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cores.live.ScanConflictKind;
import io.cores.live.ScanConflictStatus;
import io.cores.live.ScanEntryOutcome;
import io.cores.live.ScanEntryResponse;
import io.cores.live.ScanLocationOutcome;

/**
 * SPEC.md's ingest algorithm, result by result, in memory: what a scan finds, given the
 * inventory and the open conflicts as read at its start. Later results see what earlier ones
 * changed (a NIC that took an ip, a conflict raised), so a scan naming a NIC twice is
 * reconciled as two scans in a row would be. Writes nothing: the ingest writes what this
 * collected, or on a dry run only answers it.
 */
public final class Reconciliation {

	private static final String NEW_HOST = "NEW";

	private final ScanReads.NicsFound nics;
	private final Map<String, IpPlace> places;
	private final Map<String, Finding> open = new LinkedHashMap<>();

	private final List<ScanEntryResponse> responses = new ArrayList<>();
	private final List<Finding> raised = new ArrayList<>();
	private final List<Long> superseded = new ArrayList<>();
	private final Map<String, String> virtuals = new LinkedHashMap<>();
	private final Set<Long> seen = new LinkedHashSet<>();
	private final Map<Long, String> ipsTaken = new LinkedHashMap<>();
	private final Set<Long> activated = new LinkedHashSet<>();
	private final Map<Long, Long> placed = new LinkedHashMap<>();
	private int matched;
	private int supersededCount;
	private int unknown;
	private int virtual;

	public Reconciliation(ScanReads.NicsFound nics, Map<String, IpPlace> places, List<Finding> openConflicts) {
		this.nics = nics;
		this.places = places;
		for (var conflict : openConflicts) {
			open.put(conflict.subject(), conflict);
		}
	}

	public void add(ParsedEntry entry) {
		if (!entry.isValid()) {
			responses.add(entry.invalid());
			return;
		}
		var nic = entry.nicId() != null ? nics.byId.get(entry.nicId()) : nics.byMac.get(entry.mac());
		if (nic == null && entry.nicId() != null) {
			responses.add(ParsedEntry.invalidLine(entry.index(), "No NIC has this id", "nic"));
			return;
		}
		var place = places.get(entry.ip());
		if (nic == null) {
			notInInventory(entry.index(), entry.mac(), place.ip());
			return;
		}
		found(entry.index(), nic, place);
	}

	/** Step 1, no NIC: a virtual machine's MAC is tracked, any other raises an UNKNOWN conflict. */
	private void notInInventory(int index, String mac, String ip) {
		if (locallyAdministered(mac)) {
			virtual++;
			virtuals.put(mac, ip);
			line(index, ScanEntryOutcome.VIRTUAL, null, new Line("Locally administered MAC: recorded as a virtual host"));
			return;
		}
		unknown++;
		var line = new Line("No NIC has this MAC");
		raise(Finding.unknown(index, mac, ip), line);
		line(index, ScanEntryOutcome.UNKNOWN, null, line);
	}

	/** Steps 2 and 3 for a NIC found. */
	private void found(int index, ScannedNic nic, IpPlace place) {
		matched++;
		seen.add(nic.id);
		if (place.ip().equals(nic.ip)) {
			line(index, ScanEntryOutcome.MATCHED, null, new Line("Seen on its recorded ip"));
			return;
		}
		var host = nic.host;
		ScanEntryOutcome outcome;
		Line line;
		if (host != null && NEW_HOST.equals(host.status) && nic.ip == null) {
			// 2a: a host being brought into use answers for the first time
			nic.ip = place.ip();
			host.status = "ACTIVE";
			ipsTaken.put(nic.id, place.ip());
			activated.add(host.id);
			outcome = ScanEntryOutcome.IP_ACCEPTED;
			line = new Line("The NEW host's NIC had no ip and took this one; the host is ACTIVE");
		}
		else {
			// 2b
			outcome = ScanEntryOutcome.NIC_CONFLICT;
			line = new Line(nic.ip == null ? "The NIC has no ip on record" : "The NIC's recorded ip is " + nic.ip);
			raise(Finding.nic(index, nic.id, host == null ? null : host.id, nic.ip, place.ip()), line);
		}
		var location = host == null ? null : locate(index, nic, host, place, line);
		line(index, outcome, location, line);
	}

	/** 2c: the host's placement against the lab whose subnet holds the ip. */
	private ScanLocationOutcome locate(int index, ScannedNic nic, ScannedNic.Host host, IpPlace place, Line line) {
		if (host.rackId != null) {
			if (place.labId() == null || place.labId().equals(host.labId)) {
				return null;
			}
			line.add("the ip lies in another lab's subnet than the host's rack");
			raise(Finding.location(index, host.id, nic.id, place.ip(), host.labId, place.labId()), line);
			return ScanLocationOutcome.CONFLICT;
		}
		if (place.labId() != null && place.defaultRackId() != null) {
			host.rackId = place.defaultRackId();
			host.labId = place.labId();
			placed.put(host.id, place.defaultRackId());
			line.add("the host had no rack and is placed in the default rack of the lab whose subnet holds the ip");
			return ScanLocationOutcome.PLACED;
		}
		line.add(place.labId() == null ? "the host has no rack and no lab's subnet holds the ip"
				: "the host has no rack and the lab whose subnet holds the ip has no default rack");
		raise(Finding.location(index, host.id, nic.id, place.ip(), null, place.labId()), line);
		return ScanLocationOutcome.CONFLICT;
	}

	/**
	 * A finding becomes a conflict unless an open one says the same already; an open one that
	 * says something else about the same subject is superseded by it.
	 */
	private void raise(Finding finding, Line line) {
		var current = open.get(finding.subject());
		if (current != null && current.saysTheSameAs(finding)) {
			line.unchanged.add(finding.kind);
			line.add("an open " + finding.kind + " conflict says so already");
			return;
		}
		if (current != null) {
			current.status = ScanConflictStatus.SUPERSEDED;
			supersededCount++;
			if (current.id != null) {
				superseded.add(current.id);
			}
		}
		open.put(finding.subject(), finding);
		raised.add(finding);
		line.created.add(finding.kind);
		line.add(finding.kind + " conflict created" + (current == null ? "" : ", superseding an open one"));
	}

	private void line(int index, ScanEntryOutcome outcome, ScanLocationOutcome location, Line line) {
		responses.add(new ScanEntryResponse(index, outcome, location, List.copyOf(line.created),
				List.copyOf(line.unchanged), String.join("; ", line.words), null));
	}

	/** The second-lowest bit of the first octet: the MAC was made up locally (a virtual machine's). */
	static boolean locallyAdministered(String mac) {
		return (Integer.parseInt(mac.substring(0, 2), 16) & 0x02) != 0;
	}

	public List<ScanEntryResponse> responses() {
		return responses;
	}

	/** The conflicts to insert, in the order raised. */
	public List<Finding> raised() {
		return raised;
	}

	/** The stored open conflicts to mark SUPERSEDED. */
	public List<Long> superseded() {
		return superseded;
	}

	/** Conflicts superseded, stored or raised by this scan. */
	public int supersededCount() {
		return supersededCount;
	}

	/** Locally administered MACs seen, each with the ip of its last result. */
	public Map<String, String> virtuals() {
		return virtuals;
	}

	public List<Long> seen() {
		return List.copyOf(seen);
	}

	public Map<Long, String> ipsTaken() {
		return ipsTaken;
	}

	public List<Long> activated() {
		return List.copyOf(activated);
	}

	public Map<Long, Long> placed() {
		return placed;
	}

	public int matched() {
		return matched;
	}

	public int unknown() {
		return unknown;
	}

	public int virtual() {
		return virtual;
	}

	/** A response line being put together: its clauses, and the kinds of conflict created or found open. */
	private static final class Line {

		final List<String> words = new ArrayList<>();
		final List<ScanConflictKind> created = new ArrayList<>();
		final List<ScanConflictKind> unchanged = new ArrayList<>();

		Line(String first) {
			words.add(first);
		}

		void add(String clause) {
			words.add(clause);
		}
	}
}

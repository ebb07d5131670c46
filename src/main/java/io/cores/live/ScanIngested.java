package io.cores.live;

import java.time.OffsetDateTime;
import java.util.List;

import io.cores.platform.audit.Actor;

/**
 * A scan was ingested: what it means for the inventory, which is the inventory's to apply.
 * Published once per scan inside the ingesting transaction, so the inventory changes land (or
 * roll back) with the session; the lists are whole, so the inventory applies each in one go.
 *
 * @param seenAt when the NICs were seen (the scan's timestamp)
 * @param seenNics every NIC that answered: its lastSeen moves to seenAt (never back)
 * @param ipsTaken NICs of NEW hosts that had no ip and take the scanned one
 * @param hostsActivated the NEW hosts of those NICs, which go ACTIVE
 * @param hostsPlaced hosts without a rack, placed in the default rack of the lab whose subnet holds their ip
 * @param actor who posted the scan, recorded as the author of the inventory's changes
 */
public record ScanIngested(long sessionId, OffsetDateTime seenAt, List<Long> seenNics, List<IpTaken> ipsTaken,
		List<Long> hostsActivated, List<HostPlaced> hostsPlaced, Actor actor) {

	public record IpTaken(long nicId, String ip) {
	}

	public record HostPlaced(long hostId, long rackId) {
	}
}

package io.cores.live;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC.md's ingest algorithm, step by step, through ingestScan: each step and sub-case with
 * the exact response line and counts it gives, and the rows it leaves.
 */
class ScanIngestTest extends IngestTest {

	private String agent;
	private long labA;
	private String subnetA;
	private long rackA;
	private long labB;
	private String subnetB;
	private long defaultRackB;
	private long labC;
	private String subnetC;

	@BeforeEach
	void threeLabs() {
		agent = agent("scanner");
		long building = data().building("hq");
		labA = data().lab(building, "a");
		subnetA = data().subnet(labA);
		rackA = data().rack(labA, "a1", false);
		labB = data().lab(building, "b");
		subnetB = data().subnet(labB);
		data().rack(labB, "b1", false);
		defaultRackB = data().rack(labB, "b0", true);
		labC = data().lab(building, "c");
		subnetC = data().subnet(labC);
	}

	// Step 1: finding the NIC

	@Test
	void aKnownMacOnItsRecordedIpIsMatchedAndSeen() {
		long host = data().host("server", rackA, "ACTIVE");
		var mac = data().mac();
		long nic = data().nic(host, mac, ipIn(subnetA, 5), true, null);
		var time = nextTime();

		var payload = ingest(agent, scan(time, List.of(entry(mac.toUpperCase().replace(':', '-'), ipIn(subnetA, 5)))));

		assertThat(errors(payload)).isEmpty();
		assertThat(responses(payload)).containsExactly(line(0, "MATCHED", null, List.of(), List.of(), "Seen on its recorded ip"));
		assertThat(stats(payload)).isEqualTo(counts(1, 1, 0, 0, 0, 0, 0));
		assertThat(created(payload)).isEmpty();
		assertThat((OffsetDateTime) nicRow(nic).get("last_seen")).isEqualTo(time);
		assertThat((OffsetDateTime) hostRow(host).get("last_seen")).as("the host's lastSeen follows").isEqualTo(time);
		assertThat(nicRow(nic).get("version")).as("a sighting is not an edit").isEqualTo(0);
		assertThat(changesOf("Nic", nic)).as("nor is it logged").isEmpty();
	}

	@Test
	void anIpv6AddressInAnotherSpellingIsTheRecordedIp() {
		long host = data().host("server", rackA, "ACTIVE");
		var mac = data().mac();
		data().nic(host, mac, "2001:db8::5", true, null);

		var payload = ingest(agent, List.of(entry(mac, "2001:DB8:0:0:0:0:0:5")));

		assertThat(responses(payload)).containsExactly(line(0, "MATCHED", null, List.of(), List.of(), "Seen on its recorded ip"));
		assertThat(stats(payload)).isEqualTo(counts(1, 1, 0, 0, 0, 0, 0));
	}

	@Test
	void aNicIsFoundByItsGlobalIdToo() {
		long host = data().host("server", rackA, "ACTIVE");
		long nic = data().nic(host, data().mac(), ipIn(subnetA, 6), true, null);

		var payload = ingest(agent, List.of(byNic(GlobalId.encode("Nic", nic), ipIn(subnetA, 6))));

		assertThat(responses(payload)).containsExactly(line(0, "MATCHED", null, List.of(), List.of(), "Seen on its recorded ip"));
		assertThat(stats(payload)).isEqualTo(counts(1, 1, 0, 0, 0, 0, 0));
		assertThat(nicRow(nic).get("last_seen")).isNotNull();
	}

	@Test
	void anUnknownMacRaisesAnUnknownConflict() {
		var mac = data().mac();

		var payload = ingest(agent, List.of(entry(mac, ipIn(subnetA, 7))));

		assertThat(responses(payload)).containsExactly(line(0, "UNKNOWN", null, List.of("UNKNOWN"), List.of(),
				"No NIC has this MAC; UNKNOWN conflict created"));
		assertThat(stats(payload)).isEqualTo(counts(1, 0, 0, 1, 0, 1, 0));
		var conflicts = conflictsWhere("mac = ?::macaddr", mac);
		assertThat(conflicts).hasSize(1);
		assertThat(conflicts.get(0)).containsEntry("kind", "UNKNOWN").containsEntry("status", "NEW")
			.containsEntry("ip", ipIn(subnetA, 7)).containsEntry("session_id", sessionKey(payload));
		assertThat(created(payload)).singleElement().satisfies(found -> assertThat(found)
			.containsEntry("kind", "UNKNOWN").containsEntry("status", "NEW").containsEntry("mac", mac)
			.containsEntry("ip", ipIn(subnetA, 7)).containsEntry("nicId", null)
			.containsEntry("conflict", Map.of("id", GlobalId.encode("ScanConflict", (Long) conflicts.get(0).get("id")),
					"status", "NEW")));
	}

	@Test
	void anUnknownMacAndIpAlreadyInAnOpenConflictRaiseNoOtherButAnotherIpDoes() {
		var mac = data().mac();
		ingest(agent, List.of(entry(mac, ipIn(subnetA, 8))));
		jdbc.update("UPDATE scan_conflict SET status = 'IGNORED' WHERE mac = ?::macaddr", mac);

		var again = ingest(agent, List.of(entry(mac, ipIn(subnetA, 8))));
		var elsewhere = ingest(agent, List.of(entry(mac, ipIn(subnetA, 9))));

		assertThat(responses(again)).containsExactly(line(0, "UNKNOWN", null, List.of(), List.of("UNKNOWN"),
				"No NIC has this MAC; an open UNKNOWN conflict says so already"));
		assertThat(stats(again)).isEqualTo(counts(1, 0, 0, 0, 0, 1, 0));
		assertThat(stats(elsewhere)).as("a MAC on two ips: two findings, neither replaces the other")
			.isEqualTo(counts(1, 0, 0, 1, 0, 1, 0));
		assertThat(conflictsWhere("mac = ?::macaddr", mac)).extracting(c -> c.get("ip") + " " + c.get("status"))
			.containsExactly(ipIn(subnetA, 8) + " IGNORED", ipIn(subnetA, 9) + " NEW");
	}

	@Test
	void aLocallyAdministeredMacIsRecordedAsAVirtualHostNeverAConflict() {
		var mac = "02" + data().mac().substring(2);
		var first = nextTime();
		var later = nextTime();

		var payload = ingest(agent, scan(first, List.of(entry(mac, ipIn(subnetA, 10)))));
		ingest(agent, scan(later, List.of(entry(mac, ipIn(subnetA, 11)))));
		ingest(agent, scan(first.minusHours(1), List.of(entry(mac, ipIn(subnetA, 12)))));

		assertThat(responses(payload)).containsExactly(line(0, "VIRTUAL", null, List.of(), List.of(),
				"Locally administered MAC: recorded as a virtual host"));
		assertThat(stats(payload)).isEqualTo(counts(1, 0, 0, 0, 0, 0, 1));
		var row = row("SELECT host(ip) AS ip, agent, first_seen, last_seen FROM virtual_host_scan WHERE mac = ?::macaddr", mac);
		assertThat(row).as("the newest sighting's ip; a late scan only widens the range")
			.containsEntry("ip", ipIn(subnetA, 11)).containsEntry("agent", data().name("scanner"))
			.containsEntry("first_seen", first.minusHours(1)).containsEntry("last_seen", later);
		assertThat(conflictsWhere("mac = ?::macaddr", mac)).isEmpty();
	}

	// Step 2a: a NEW host's NIC without an ip

	@Test
	void aNewHostsNicWithoutIpTakesTheScannedIpAndTheHostGoesActive() {
		long host = data().host("fresh", rackA, "NEW");
		var mac = data().mac();
		long nic = data().nic(host, mac, null, true, null);
		var time = nextTime();

		var payload = ingest(agent, scan(time, List.of(entry(mac, ipIn(subnetA, 20)))));

		assertThat(responses(payload)).containsExactly(line(0, "IP_ACCEPTED", null, List.of(), List.of(),
				"The NEW host's NIC had no ip and took this one; the host is ACTIVE"));
		assertThat(stats(payload)).isEqualTo(counts(1, 1, 1, 0, 0, 0, 0));
		assertThat(nicRow(nic)).containsEntry("ip", ipIn(subnetA, 20)).containsEntry("last_seen", time).containsEntry("version", 1);
		assertThat(hostRow(host)).containsEntry("status", "ACTIVE").containsEntry("ip", ipIn(subnetA, 20))
			.containsEntry("rack_id", rackA);
		assertThat(changesOf("Nic", nic)).containsExactly(Map.of("action", "UPDATE", "before", "{\"ip\": null}",
				"after", "{\"ip\": \"" + ipIn(subnetA, 20) + "\"}"));
		assertThat(changesOf("Host", host)).containsExactly(Map.of("action", "UPDATE", "before", "{\"status\": \"NEW\"}",
				"after", "{\"status\": \"ACTIVE\"}"));
	}

	@Test
	void aNewHostsNicThatHasAnIpAlreadyGetsANicConflictAndTheHostStaysNew() {
		long host = data().host("fresh", rackA, "NEW");
		var mac = data().mac();
		long nic = data().nic(host, mac, ipIn(subnetA, 21), true, null);

		var payload = ingest(agent, List.of(entry(mac, ipIn(subnetA, 22))));

		assertThat(responses(payload)).containsExactly(line(0, "NIC_CONFLICT", null, List.of("NIC"), List.of(),
				"The NIC's recorded ip is " + ipIn(subnetA, 21) + "; NIC conflict created"));
		assertThat(stats(payload)).isEqualTo(counts(1, 1, 0, 1, 0, 0, 0));
		assertThat(hostRow(host)).containsEntry("status", "NEW");
		assertThat(nicRow(nic)).containsEntry("ip", ipIn(subnetA, 21));
	}

	// Step 2b: NIC conflicts

	@Test
	void aNicOnAnotherIpRaisesANicConflictAndKeepsItsIp() {
		long host = data().host("server", rackA, "ACTIVE");
		var mac = data().mac();
		long nic = data().nic(host, mac, ipIn(subnetA, 30), true, null);

		var payload = ingest(agent, List.of(entry(mac, ipIn(subnetA, 31))));

		assertThat(responses(payload)).containsExactly(line(0, "NIC_CONFLICT", null, List.of("NIC"), List.of(),
				"The NIC's recorded ip is " + ipIn(subnetA, 30) + "; NIC conflict created"));
		assertThat(stats(payload)).isEqualTo(counts(1, 1, 0, 1, 0, 0, 0));
		assertThat(conflictsWhere("nic_id = ?", nic)).singleElement().satisfies(c -> assertThat(c)
			.containsEntry("kind", "NIC").containsEntry("status", "NEW").containsEntry("host_id", host)
			.containsEntry("recorded_ip", ipIn(subnetA, 30)).containsEntry("ip", ipIn(subnetA, 31)));
		assertThat(created(payload)).singleElement().satisfies(found -> assertThat(found)
			.containsEntry("nicId", GlobalId.encode("Nic", nic)).containsEntry("hostId", GlobalId.encode("Host", host))
			.containsEntry("recordedIp", ipIn(subnetA, 30)).containsEntry("ip", ipIn(subnetA, 31)));
		assertThat(nicRow(nic)).containsEntry("ip", ipIn(subnetA, 30));
	}

	@Test
	void anOpenNicConflictSayingTheSameIsNotRaisedAgainWhetherNewOrIgnored() {
		long host = data().host("server", rackA, "ACTIVE");
		var mac = data().mac();
		long nic = data().nic(host, mac, ipIn(subnetA, 32), true, null);
		ingest(agent, List.of(entry(mac, ipIn(subnetA, 33))));

		var whileNew = ingest(agent, List.of(entry(mac, ipIn(subnetA, 33))));
		jdbc.update("UPDATE scan_conflict SET status = 'IGNORED' WHERE nic_id = ?", nic);
		var whileIgnored = ingest(agent, List.of(entry(mac, ipIn(subnetA, 33))));

		for (var payload : List.of(whileNew, whileIgnored)) {
			assertThat(responses(payload)).containsExactly(line(0, "NIC_CONFLICT", null, List.of(), List.of("NIC"),
					"The NIC's recorded ip is " + ipIn(subnetA, 32) + "; an open NIC conflict says so already"));
			assertThat(stats(payload)).isEqualTo(counts(1, 1, 0, 0, 0, 0, 0));
		}
		assertThat(conflictsWhere("nic_id = ?", nic)).extracting(c -> c.get("status")).containsExactly("IGNORED");
	}

	@Test
	void anOpenNicConflictSayingSomethingElseIsSupersededByANewOne() {
		long host = data().host("server", rackA, "ACTIVE");
		var mac = data().mac();
		long nic = data().nic(host, mac, ipIn(subnetA, 34), true, null);
		ingest(agent, List.of(entry(mac, ipIn(subnetA, 35))));
		jdbc.update("UPDATE scan_conflict SET status = 'IGNORED' WHERE nic_id = ?", nic);
		long first = (Long) conflictsWhere("nic_id = ?", nic).get(0).get("id");

		var payload = ingest(agent, List.of(entry(mac, ipIn(subnetA, 36))));

		assertThat(responses(payload)).containsExactly(line(0, "NIC_CONFLICT", null, List.of("NIC"), List.of(),
				"The NIC's recorded ip is " + ipIn(subnetA, 34) + "; NIC conflict created, superseding an open one"));
		assertThat(stats(payload)).isEqualTo(counts(1, 1, 0, 1, 1, 0, 0));
		assertThat(superseded(payload)).containsExactly(Map.of("id", GlobalId.encode("ScanConflict", first), "status", "SUPERSEDED"));
		assertThat(conflictsWhere("nic_id = ?", nic)).extracting(c -> c.get("ip") + " " + c.get("status"))
			.containsExactly(ipIn(subnetA, 35) + " SUPERSEDED", ipIn(subnetA, 36) + " NEW");
	}

	@Test
	void resolvedAndSupersededConflictsAreNotOpenSoTheSameFindingIsRaisedAgain() {
		long host = data().host("server", rackA, "ACTIVE");
		var mac = data().mac();
		long nic = data().nic(host, mac, ipIn(subnetA, 37), true, null);
		ingest(agent, List.of(entry(mac, ipIn(subnetA, 38))));
		jdbc.update("UPDATE scan_conflict SET status = 'RESOLVED' WHERE nic_id = ?", nic);

		var payload = ingest(agent, List.of(entry(mac, ipIn(subnetA, 38))));

		assertThat(stats(payload)).isEqualTo(counts(1, 1, 0, 1, 0, 0, 0));
		assertThat(conflictsWhere("nic_id = ?", nic)).extracting(c -> c.get("status")).containsExactly("RESOLVED", "NEW");
	}

	@Test
	void aNicWithoutHostOnAnotherIpRaisesANicConflictOnlyEvenWithoutRecordedIp() {
		var mac = data().mac();
		long nic = data().nic(null, mac, null, false, null);

		var payload = ingest(agent, List.of(entry(mac, ipIn(subnetB, 40))));

		assertThat(responses(payload)).containsExactly(line(0, "NIC_CONFLICT", null, List.of("NIC"), List.of(),
				"The NIC has no ip on record; NIC conflict created"));
		assertThat(stats(payload)).isEqualTo(counts(1, 1, 0, 1, 0, 0, 0));
		assertThat(conflictsWhere("nic_id = ?", nic)).singleElement().satisfies(c -> assertThat(c)
			.containsEntry("kind", "NIC").containsEntry("host_id", null).containsEntry("recorded_ip", null));
	}

	@Test
	void oneScanNamingANicTwiceOnTwoIpsSupersedesItsOwnFirstFinding() {
		long host = data().host("server", rackA, "ACTIVE");
		var mac = data().mac();
		long nic = data().nic(host, mac, ipIn(subnetA, 41), true, null);

		var payload = ingest(agent, List.of(entry(mac, ipIn(subnetA, 42)), entry(mac, ipIn(subnetA, 43))));

		assertThat(stats(payload)).isEqualTo(counts(2, 2, 0, 2, 1, 0, 0));
		assertThat(created(payload)).extracting(c -> c.get("entry") + " " + c.get("status"))
			.containsExactly("0 SUPERSEDED", "1 NEW");
		assertThat(conflictsWhere("nic_id = ?", nic)).extracting(c -> c.get("ip") + " " + c.get("status"))
			.containsExactly(ipIn(subnetA, 42) + " SUPERSEDED", ipIn(subnetA, 43) + " NEW");
	}

	// Step 2c: the host's location, when the ip differs

	@Test
	void anIpInAnotherLabsSubnetThanTheRacksRaisesALocationConflict() {
		long host = data().host("moved", rackA, "ACTIVE");
		var mac = data().mac();
		long nic = data().nic(host, mac, ipIn(subnetA, 50), true, null);

		var payload = ingest(agent, List.of(entry(mac, ipIn(subnetB, 50))));

		assertThat(responses(payload)).containsExactly(line(0, "NIC_CONFLICT", "CONFLICT", List.of("NIC", "LOCATION"), List.of(),
				"The NIC's recorded ip is " + ipIn(subnetA, 50) + "; NIC conflict created; "
						+ "the ip lies in another lab's subnet than the host's rack; LOCATION conflict created"));
		assertThat(stats(payload)).isEqualTo(counts(1, 1, 0, 2, 0, 0, 0));
		assertThat(conflictsWhere("host_id = ? AND kind = 'LOCATION'", host)).singleElement().satisfies(c -> assertThat(c)
			.containsEntry("status", "NEW").containsEntry("nic_id", nic).containsEntry("ip", ipIn(subnetB, 50))
			.containsEntry("current_lab_id", labA).containsEntry("suggested_lab_id", labB));
		assertThat(hostRow(host)).as("the host stays where it is").containsEntry("rack_id", rackA);
	}

	@Test
	void anIpInTheRacksOwnLabOrInNoLabsSubnetRaisesNoLocationConflict() {
		long host = data().host("home", rackA, "ACTIVE");
		var mac = data().mac();
		data().nic(host, mac, ipIn(subnetA, 51), true, null);

		var ownLab = ingest(agent, List.of(entry(mac, ipIn(subnetA, 52))));
		var noLab = ingest(agent, List.of(entry(mac, "192.0.2.51")));

		assertThat(responses(ownLab)).containsExactly(line(0, "NIC_CONFLICT", null, List.of("NIC"), List.of(),
				"The NIC's recorded ip is " + ipIn(subnetA, 51) + "; NIC conflict created"));
		assertThat(stats(ownLab)).isEqualTo(counts(1, 1, 0, 1, 0, 0, 0));
		assertThat(responses(noLab)).as("a NIC conflict only, superseding the first scan's")
			.containsExactly(line(0, "NIC_CONFLICT", null, List.of("NIC"), List.of(),
					"The NIC's recorded ip is " + ipIn(subnetA, 51) + "; NIC conflict created, superseding an open one"));
		assertThat(stats(noLab)).isEqualTo(counts(1, 1, 0, 1, 1, 0, 0));
		assertThat(conflictsWhere("host_id = ? AND kind = 'LOCATION'", host)).isEmpty();
	}

	@Test
	void aHostWithoutRackIsPlacedInTheDefaultRackOfTheLabWhoseSubnetHoldsTheIp() {
		long host = data().host("unplaced", null, "NEW");
		var mac = data().mac();
		data().nic(host, mac, null, true, null);

		var payload = ingest(agent, List.of(entry(mac, ipIn(subnetB, 60))));

		assertThat(responses(payload)).containsExactly(line(0, "IP_ACCEPTED", "PLACED", List.of(), List.of(),
				"The NEW host's NIC had no ip and took this one; the host is ACTIVE; "
						+ "the host had no rack and is placed in the default rack of the lab whose subnet holds the ip"));
		assertThat(stats(payload)).isEqualTo(counts(1, 1, 1, 0, 0, 0, 0));
		assertThat(hostRow(host)).containsEntry("rack_id", defaultRackB).containsEntry("status", "ACTIVE");
		assertThat(changesOf("Host", host)).extracting(c -> c.get("after"))
			.containsExactly("{\"status\": \"ACTIVE\"}", "{\"rack\": \"" + GlobalId.encode("Rack", defaultRackB) + "\"}");
	}

	@Test
	void aHostWithoutRackInALabWithoutDefaultRackRaisesALocationConflictSuggestingThatLab() {
		long host = data().host("unplaced", null, "ACTIVE");
		var mac = data().mac();
		long nic = data().nic(host, mac, ipIn(subnetA, 61), true, null);

		var payload = ingest(agent, List.of(entry(mac, ipIn(subnetC, 61))));

		assertThat(responses(payload)).containsExactly(line(0, "NIC_CONFLICT", "CONFLICT", List.of("NIC", "LOCATION"), List.of(),
				"The NIC's recorded ip is " + ipIn(subnetA, 61) + "; NIC conflict created; "
						+ "the host has no rack and the lab whose subnet holds the ip has no default rack; LOCATION conflict created"));
		assertThat(stats(payload)).isEqualTo(counts(1, 1, 0, 2, 0, 0, 0));
		assertThat(conflictsWhere("host_id = ? AND kind = 'LOCATION'", host)).singleElement().satisfies(c -> assertThat(c)
			.containsEntry("nic_id", nic).containsEntry("current_lab_id", null).containsEntry("suggested_lab_id", labC));
		assertThat(hostRow(host)).containsEntry("rack_id", null);
	}

	@Test
	void aHostWithoutRackOnAnIpInNoLabRaisesALocationConflictSuggestingNone() {
		long host = data().host("unplaced", null, "NEW");
		var mac = data().mac();
		data().nic(host, mac, null, true, null);

		var payload = ingest(agent, List.of(entry(mac, "192.0.2.62")));

		assertThat(responses(payload)).containsExactly(line(0, "IP_ACCEPTED", "CONFLICT", List.of("LOCATION"), List.of(),
				"The NEW host's NIC had no ip and took this one; the host is ACTIVE; "
						+ "the host has no rack and no lab's subnet holds the ip; LOCATION conflict created"));
		assertThat(stats(payload)).as("the ip taken; a LOCATION conflict").isEqualTo(counts(1, 1, 1, 1, 0, 0, 0));
		assertThat(hostRow(host)).containsEntry("status", "ACTIVE").containsEntry("rack_id", null);
		assertThat(conflictsWhere("host_id = ? AND kind = 'LOCATION'", host)).singleElement().satisfies(c -> assertThat(c)
			.containsEntry("current_lab_id", null).containsEntry("suggested_lab_id", null));
	}

	@Test
	void locationConflictsAreDeduplicatedAndSupersededAcrossScans() {
		long host = data().host("wanderer", rackA, "ACTIVE");
		var mac = data().mac();
		data().nic(host, mac, ipIn(subnetA, 70), true, null);
		ingest(agent, List.of(entry(mac, ipIn(subnetB, 70))));
		long firstLocation = (Long) conflictsWhere("host_id = ? AND kind = 'LOCATION'", host).get(0).get("id");

		var same = ingest(agent, List.of(entry(mac, ipIn(subnetB, 70))));
		var otherLab = ingest(agent, List.of(entry(mac, ipIn(subnetC, 70))));

		assertThat(responses(same)).extracting(l -> l.get("unchanged")).containsExactly(List.of("NIC", "LOCATION"));
		assertThat(stats(same)).isEqualTo(counts(1, 1, 0, 0, 0, 0, 0));
		assertThat(stats(otherLab)).as("both the NIC and the LOCATION conflict say something else now")
			.isEqualTo(counts(1, 1, 0, 2, 2, 0, 0));
		assertThat(superseded(otherLab)).extracting(c -> c.get("id")).contains(GlobalId.encode("ScanConflict", firstLocation));
		assertThat(conflictsWhere("host_id = ? AND kind = 'LOCATION'", host))
			.extracting(c -> c.get("suggested_lab_id") + " " + c.get("status"))
			.containsExactly(labB + " SUPERSEDED", labC + " NEW");
	}

	// Step 3: lastSeen

	@Test
	void aLateScanDoesNotMoveLastSeenBack() {
		long host = data().host("server", rackA, "ACTIVE");
		var mac = data().mac();
		long nic = data().nic(host, mac, ipIn(subnetA, 80), true, null);
		var recent = nextTime();
		ingest(agent, scan(recent, List.of(entry(mac, ipIn(subnetA, 80)))));

		var late = ingest(agent, scan(recent.minusHours(2), List.of(entry(mac, ipIn(subnetA, 80)))));

		assertThat(responses(late)).containsExactly(line(0, "MATCHED", null, List.of(), List.of(), "Seen on its recorded ip"));
		assertThat(stats(late)).isEqualTo(counts(1, 1, 0, 0, 0, 0, 0));
		assertThat(nicRow(nic).get("last_seen")).isEqualTo(recent);
		assertThat(hostRow(host).get("last_seen")).isEqualTo(recent);
	}

	// Step 4 and the session: a line per entry, in order; the session stored with its outcome

	@Test
	void everyEntryGetsItsLineInOrderAndTheSessionKeepsResultsResponsesAndCounts() {
		long host = data().host("server", rackA, "ACTIVE");
		var known = data().mac();
		data().nic(host, known, ipIn(subnetA, 90), true, null);
		var stranger = data().mac();
		var virtualMac = "0a" + data().mac().substring(2);
		var time = nextTime();

		var payload = ingest(agent, scan(time, List.of(entry(stranger, ipIn(subnetA, 91)), entry(known, ipIn(subnetA, 90)),
				entry("zz", ipIn(subnetA, 92)), entry(virtualMac, ipIn(subnetA, 93)))));

		assertThat(responses(payload)).extracting(l -> l.get("entry") + " " + l.get("outcome"))
			.containsExactly("0 UNKNOWN", "1 MATCHED", "2 INVALID", "3 VIRTUAL");
		assertThat(stats(payload)).isEqualTo(counts(4, 1, 0, 1, 0, 1, 1));
		@SuppressWarnings("unchecked")
		var session = (Map<String, Object>) payload.get("session");
		assertThat(session).containsEntry("agent", data().name("scanner")).containsEntry("processed", true)
			.containsEntry("registeredAgent", Map.of("name", data().name("scanner")))
			.containsEntry("stats", counts(4, 1, 0, 1, 0, 1, 1));
		assertThat(OffsetDateTime.parse((String) session.get("scannedAt"))).isEqualTo(time);
		var stored = asAdmin().document("query($id: ID!) { scanSession(id: $id) { rawResults responses } }")
			.variable("id", session.get("id")).execute();
		stored.path("scanSession.rawResults[2]").entity(Map.class).isEqualTo(Map.of("mac", "zz", "ip", ipIn(subnetA, 92)));
		stored.path("scanSession.responses[*].outcome").entityList(String.class)
			.containsExactly("UNKNOWN", "MATCHED", "INVALID", "VIRTUAL");
		stored.path("scanSession.responses[0].message").entity(String.class)
			.isEqualTo("No NIC has this MAC; UNKNOWN conflict created");
	}

	@Test
	void anEmptyScanIsStoredAsASessionOfNoEntries() {
		var payload = ingest(agent, List.of());

		assertThat(errors(payload)).isEmpty();
		assertThat(stats(payload)).isEqualTo(counts(0, 0, 0, 0, 0, 0, 0));
		assertThat(payload.get("session")).isNotNull();
	}

	private long sessionKey(Map<String, Object> payload) {
		@SuppressWarnings("unchecked")
		var session = (Map<String, Object>) payload.get("session");
		return GlobalId.decode((String) session.get("id"), "id").key();
	}
}

package io.cores.inventory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

import static io.cores.inventory.Mutations.input;
import static io.cores.inventory.Mutations.refusal;
import static io.cores.inventory.Mutations.written;
import static org.assertj.core.api.Assertions.assertThat;

/** Writing NICs: MACs normalised and unique, one primary NIC per host and only on a host, and the host's derived ip. */
class NicWritesTest extends ApiTest {

	private String token;
	private Mutations staff;

	@BeforeEach
	void writer() {
		token = "Token " + data().tokenFor("staff", "STAFF");
		staff = new Mutations(graphQl(token));
	}

	@Test
	void aMacInAnySpellingIsStoredInColonFormAndIsUniqueAcrossSpellings() {
		var mac = data().mac();
		var hex = mac.replace(":", "");
		var dashed = mac.toUpperCase().replace(':', '-');
		var dotted = hex.substring(0, 4) + "." + hex.substring(4, 8) + "." + hex.substring(8);
		var upper = mac.toUpperCase();
		assertThat((String) written(create(input("mac", dashed)), "nic", "mac")).isEqualTo(mac);
		assertThat(jdbc.queryForObject("SELECT mac::text FROM nic WHERE mac = ?::macaddr", String.class, mac)).isEqualTo(mac);
		for (var spelling : List.of(dotted, upper, mac, hex)) {
			var refused = refusal(create(input("mac", spelling)));
			assertThat(refused).as(spelling).containsEntry("code", "NOT_UNIQUE").containsEntry("field", List.of("input", "mac"))
				.containsEntry("message", "Another NIC has this MAC address");
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM nic WHERE mac = ?::macaddr", Integer.class, mac)).isEqualTo(1);

		var other = data().mac();
		var otherHex = other.replace(":", "");
		var fromDotted = create(input("mac", otherHex.substring(0, 4) + "." + otherHex.substring(4, 8) + "." + otherHex.substring(8)));
		assertThat((String) written(fromDotted, "nic", "mac")).isEqualTo(other);
	}

	@Test
	void aMalformedMacIsAValidationErrorAndWritesNothing() {
		int before = jdbc.queryForObject("SELECT count(*) FROM nic", Integer.class);
		graphQl(token).document("mutation { createNic(input: { mac: \"aa:bb:cc:dd:ee\", primary: false }) { nic { id } } }")
			.execute().errors().expect(e -> e.getErrorType().toString().equals("ValidationError")
					&& e.getMessage().contains("not a MAC address")).verify();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM nic", Integer.class)).isEqualTo(before);
	}

	@Test
	void aHostHasOnePrimaryNic() {
		var host = host("one-primary");
		create(input("mac", data().mac(), "host", host, "primary", true));
		var second = data().mac();
		var refused = refusal(create(input("mac", second, "host", host, "primary", true)));
		assertThat(refused).containsEntry("code", "NOT_UNIQUE").containsEntry("field", List.of("input", "primary"))
			.containsEntry("message", "The host has a primary NIC already");
		assertThat(nicsWithMac(second)).isZero();
		String plain = written(create(input("mac", second, "host", host)), "nic", "id");
		var promoted = refusal(staff.run("updateNic", input("id", plain, "version", 0, "primary", true), "nic { id }"));
		assertThat(promoted).containsEntry("code", "NOT_UNIQUE").containsEntry("field", List.of("input", "primary"));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM nic WHERE host_id = ? AND is_primary", Integer.class,
				GlobalId.decodeKey(host, "Host", "id"))).isEqualTo(1);
	}

	@Test
	void aPrimaryNicNeedsAHost() {
		var mac = data().mac();
		var refused = refusal(create(input("mac", mac, "primary", true)));
		assertThat(refused).containsEntry("code", "INVALID").containsEntry("field", List.of("input", "primary"))
			.containsEntry("message", "Only a NIC on a host can be its primary NIC");
		assertThat(nicsWithMac(mac)).isZero();

		var host = host("holder");
		String id = written(create(input("mac", mac, "host", host, "primary", true)), "nic", "id");
		var stillPrimary = refusal(staff.run("updateNic", input("id", id, "version", 0, "host", null, "primary", true), "nic { id }"));
		assertThat(stillPrimary).containsEntry("code", "INVALID").containsEntry("field", List.of("input", "primary"));
		var detached = staff.run("updateNic", input("id", id, "version", 0, "host", null), "nic { primary host { id } }");
		assertThat((Boolean) written(detached, "nic", "primary")).as("a NIC taken off its host stops being primary").isFalse();
	}

	@Test
	void lastSeenIsNotWritten() {
		var mac = data().mac();
		graphQl(token).document("mutation { createNic(input: { mac: \"" + mac + "\", primary: false, lastSeen: \"2030-01-01T00:00:00Z\" }) { nic { id } } }")
			.execute().errors().expect(e -> e.getErrorType().toString().equals("ValidationError") && e.getMessage().contains("lastSeen"))
			.verify();
		assertThat(nicsWithMac(mac)).isZero();
	}

	@Test
	void theHostsIpFollowsEveryNicWrite() {
		var host = host("derived");
		long hostKey = GlobalId.decodeKey(host, "Host", "id");
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		assertThat(ip(host)).isNull();

		String older = written(create(input("mac", data().mac(), "host", host, "ip", "192.0.2.10")), "nic", "id");
		assertThat(ip(host)).as("the only NIC's").isEqualTo("192.0.2.10");
		String newer = written(create(input("mac", data().mac(), "host", host, "ip", "192.0.2.20")), "nic", "id");
		// sightings are the scans' to write
		jdbc.update("UPDATE nic SET last_seen = ? WHERE id = ?", now.minusDays(1), GlobalId.decodeKey(older, "Nic", "id"));
		jdbc.update("UPDATE nic SET last_seen = ? WHERE id = ?", now.minusMinutes(1), GlobalId.decodeKey(newer, "Nic", "id"));
		assertThat(ip(host)).as("the most recently seen NIC's").isEqualTo("192.0.2.20");

		written(staff.run("updateNic", input("id", older, "version", 0, "primary", true), "nic { id }"), "nic", "id");
		assertThat(ip(host)).as("the primary NIC's").isEqualTo("192.0.2.10");
		written(staff.run("updateNic", input("id", older, "version", 1, "ip", "192.0.2.11"), "nic { id }"), "nic", "id");
		assertThat(ip(host)).as("the primary NIC's new ip").isEqualTo("192.0.2.11");

		assertThat(staff.run("deleteNic", input("id", older, "version", 2), "deletedId").get("errors")).asList().isEmpty();
		assertThat(ip(host)).as("the remaining NIC's").isEqualTo("192.0.2.20");
		written(staff.run("updateNic", input("id", newer, "version", 0, "host", null), "nic { id }"), "nic", "id");
		assertThat(ip(host)).as("no NICs left").isNull();
		assertThat(jdbc.queryForObject("SELECT last_seen FROM host WHERE id = ?", OffsetDateTime.class, hostKey)).isNull();
	}

	private Map<String, Object> create(Map<String, Object> input) {
		input.putIfAbsent("primary", false);
		return staff.run("createNic", input, "nic { id mac ip primary host { id } }");
	}

	private String host(String name) {
		return GlobalId.encode("Host", data().host(name, null, "NEW"));
	}

	private String ip(String host) {
		return (String) graphQl().document("query($id: ID!) { host(id: $id) { ip } }").variable("id", host).execute()
			.path("host").entity(Map.class).get().get("ip");
	}

	private int nicsWithMac(String mac) {
		return jdbc.queryForObject("SELECT count(*) FROM nic WHERE mac = ?::macaddr", Integer.class, mac);
	}
}

package io.cores.inventory;

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

/** Writing hosts: DNS hostnames unique regardless of case, asset numbers, and the virtualisation rules. */
class HostWritesTest extends ApiTest {

	private String token;
	private Mutations staff;

	@BeforeEach
	void writer() {
		token = "Token " + data().tokenFor("staff", "STAFF");
		staff = new Mutations(graphQl(token));
	}

	@Test
	void aHostnameIsUniqueRegardlessOfCase() {
		var hostname = data().name("Alpha") + ".Example.net";
		assertThat((String) written(create(input("hostname", hostname)), "host", "hostname")).isEqualTo(hostname);
		var refused = refusal(create(input("hostname", hostname.toLowerCase())));
		assertThat(refused).containsEntry("code", "NOT_UNIQUE").containsEntry("field", List.of("input", "hostname"))
			.containsEntry("message", "Another host has this hostname (regardless of case)");
		assertThat(hostsNamed(hostname)).isEqualTo(1);

		String other = written(create(input("hostname", data().name("beta") + ".example.net")), "host", "id");
		var renamed = refusal(staff.run("updateHost", input("id", other, "version", 0, "hostname", hostname.toUpperCase()), "host { id }"));
		assertThat(renamed).containsEntry("code", "NOT_UNIQUE").containsEntry("field", List.of("input", "hostname"));
		assertThat(version(other)).as("nothing written").isZero();
	}

	@Test
	void aHostnameMustBeADnsName() {
		for (var bad : List.of(data().name("under_score"), data().name("x") + "..example.net", data().name("x") + "-.example",
				data().name("trailing") + ".", "a".repeat(64) + ".example")) {
			var refused = refusal(create(input("hostname", bad)));
			assertThat(refused).as(bad).containsEntry("code", "INVALID").containsEntry("field", List.of("input", "hostname"));
			assertThat((String) refused.get("message")).startsWith("Not a DNS name");
			assertThat(hostsNamed(bad)).isZero();
		}
		var good = data().name("r2-d2") + ".lab-3.example.net";
		var created = create(input("hostname", good));
		assertThat((String) written(created, "host", "status")).as("new hosts start NEW").isEqualTo("NEW");
		assertThat(hostsNamed(good)).isEqualTo(1);
	}

	@Test
	void anAssetNumberIsUniqueWhenSetAndBlankMeansNone() {
		var asset = data().name("asset");
		create(input("hostname", hostname("a1"), "assetNumber", asset));
		var refused = refusal(create(input("hostname", hostname("a2"), "assetNumber", asset)));
		assertThat(refused).containsEntry("code", "NOT_UNIQUE").containsEntry("field", List.of("input", "assetNumber"));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM host WHERE asset_number = ?", Integer.class, asset)).isEqualTo(1);
		for (var name : List.of("blank1", "blank2")) {
			assertThat((Object) written(create(input("hostname", hostname(name), "assetNumber", " ")), "host", "assetNumber")).isNull();
		}
	}

	@Test
	void statusIpAndLastSeenAreNotWritten() {
		for (var field : List.of("status: ACTIVE", "ip: \"192.0.2.1\"", "lastSeen: \"2030-01-01T00:00:00Z\"")) {
			var hostname = hostname("derived");
			var name = field.substring(0, field.indexOf(':'));
			graphQl(token)
				.document("mutation { createHost(input: { hostname: \"" + hostname + "\", hypervisor: false, " + field
						+ " }) { host { id } } }")
				.execute().errors()
				.expect(e -> e.getErrorType().toString().equals("ValidationError") && e.getMessage().contains(name)).verify();
			assertThat(hostsNamed(hostname)).isZero();
		}
	}

	@Test
	void aVmHostMustBeAHypervisor() {
		String plain = written(create(input("hostname", hostname("plain"))), "host", "id");
		var vm = hostname("vm");
		var refused = refusal(create(input("hostname", vm, "vmHost", plain)));
		assertThat(refused).containsEntry("code", "INVALID").containsEntry("field", List.of("input", "vmHost"))
			.containsEntry("message", "The vm host is not a hypervisor");
		assertThat(hostsNamed(vm)).isZero();

		String hypervisor = written(create(input("hostname", hostname("hv"), "hypervisor", true)), "host", "id");
		var placed = create(input("hostname", vm, "vmHost", hypervisor));
		assertThat((Map<String, Object>) written(placed, "host", "vmHost")).containsEntry("id", hypervisor);
	}

	@Test
	void aHostIsNotItsOwnVmHost() {
		String hypervisor = written(create(input("hostname", hostname("self"), "hypervisor", true)), "host", "id");
		var refused = refusal(staff.run("updateHost", input("id", hypervisor, "version", 0, "vmHost", hypervisor), "host { id }"));
		assertThat(refused).containsEntry("code", "INVALID").containsEntry("field", List.of("input", "vmHost"))
			.containsEntry("message", "A host cannot be its own vm host");
		assertThat(version(hypervisor)).isZero();
		assertThat(jdbc.queryForObject("SELECT vm_host_id FROM host WHERE id = ?", Long.class, key(hypervisor))).isNull();
	}

	@Test
	void theVmHostChainNeverLoops() {
		String top = written(create(input("hostname", hostname("top"), "hypervisor", true)), "host", "id");
		String middle = written(create(input("hostname", hostname("middle"), "hypervisor", true, "vmHost", top)), "host", "id");
		String bottom = written(create(input("hostname", hostname("bottom"), "hypervisor", true, "vmHost", middle)), "host", "id");
		var refused = refusal(staff.run("updateHost", input("id", top, "version", 0, "vmHost", bottom), "host { id }"));
		assertThat(refused).containsEntry("code", "INVALID").containsEntry("field", List.of("input", "vmHost"));
		assertThat((String) refused.get("message")).contains("loop");
		assertThat(version(top)).isZero();

		String elsewhere = written(create(input("hostname", hostname("elsewhere"), "hypervisor", true)), "host", "id");
		var moved = staff.run("updateHost", input("id", top, "version", 0, "vmHost", elsewhere), "host { vmHost { id } }");
		assertThat((Map<String, Object>) written(moved, "host", "vmHost")).containsEntry("id", elsewhere);
	}

	@Test
	void theHypervisorFlagStaysWhileVmsRunOnTheHost() {
		String hypervisor = written(create(input("hostname", hostname("busy"), "hypervisor", true)), "host", "id");
		String vm = written(create(input("hostname", hostname("guest"), "vmHost", hypervisor)), "host", "id");
		var refused = refusal(staff.run("updateHost", input("id", hypervisor, "version", 0, "hypervisor", false), "host { id }"));
		assertThat(refused).containsEntry("code", "INVALID_STATE").containsEntry("field", List.of("input", "hypervisor"))
			.containsEntry("message", "VMs still run on this host; move them to another hypervisor first");
		assertThat(jdbc.queryForObject("SELECT hypervisor FROM host WHERE id = ?", Boolean.class, key(hypervisor))).isTrue();

		assertThat((Object) written(staff.run("updateHost", input("id", vm, "version", 0, "vmHost", null), "host { vmHost { id } }"),
				"host", "vmHost")).isNull();
		var cleared = staff.run("updateHost", input("id", hypervisor, "version", 0, "hypervisor", false), "host { hypervisor }");
		assertThat((Boolean) written(cleared, "host", "hypervisor")).isFalse();
	}

	@Test
	void aHostWithVmsIsNotDeletedAndADeletedHostsNicStaysUnattachedAndNotPrimary() {
		String hypervisor = written(create(input("hostname", hostname("parent"), "hypervisor", true)), "host", "id");
		create(input("hostname", hostname("child"), "vmHost", hypervisor));
		var refused = refusal(staff.run("deleteHost", input("id", hypervisor, "version", 0), "deletedId"));
		assertThat(refused).containsEntry("code", "REFERENCED").containsEntry("field", List.of("input", "id"));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM host WHERE id = ?", Integer.class, key(hypervisor))).isEqualTo(1);

		String lone = written(create(input("hostname", hostname("lone"))), "host", "id");
		long nic = data().nic(key(lone), data().mac(), "192.0.2.7", true, null);
		var deleted = staff.run("deleteHost", input("id", lone, "version", 0), "deletedId");
		assertThat(deleted.get("errors")).asList().isEmpty();
		assertThat(jdbc.queryForMap("SELECT host_id, is_primary FROM nic WHERE id = ?", nic))
			.containsEntry("host_id", null).containsEntry("is_primary", false);
	}

	/** A create, not a hypervisor unless the input says so. */
	private Map<String, Object> create(Map<String, Object> input) {
		input.putIfAbsent("hypervisor", false);
		return staff.run("createHost", input, "host { id hostname status assetNumber hypervisor vmHost { id } }");
	}

	private String hostname(String label) {
		return data().name(label) + ".example.net";
	}

	private int hostsNamed(String hostname) {
		return jdbc.queryForObject("SELECT count(*) FROM host WHERE lower(hostname) = lower(?)", Integer.class, hostname);
	}

	private int version(String host) {
		return jdbc.queryForObject("SELECT version FROM host WHERE id = ?", Integer.class, key(host));
	}

	private static long key(String id) {
		return GlobalId.decodeKey(id, "Host", "id");
	}
}

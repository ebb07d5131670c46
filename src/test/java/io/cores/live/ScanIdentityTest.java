package io.cores.live;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who a scan is from, and that a scan lands once: an agent token posts as its own agent, an
 * admin names one, nobody else posts; a repeated (agent, timestamp) is refused with nothing
 * changed, even fifty copies at once.
 */
class ScanIdentityTest extends IngestTest {

	private String agent;
	private String agentName;
	private String mac;
	private long nic;
	private String ip;

	@BeforeEach
	void anAgentAndAHost() {
		agent = agent("scanner");
		agentName = data().name("scanner");
		long lab = data().lab(data().building("hq"), "lab");
		ip = ipIn(data().subnet(lab), 5);
		long host = data().host("server", data().rack(lab, "r1", false), "ACTIVE");
		mac = data().mac();
		nic = data().nic(host, mac, ip, true, null);
	}

	@Test
	void anAgentTokenPostsAsItsOwnAgentWhichIsSeenNow() {
		var before = OffsetDateTime.now().minusSeconds(1);

		var payload = ingest(agent, List.of(entry(mac, ip)));

		assertThat(errors(payload)).isEmpty();
		assertThat(session(payload)).containsEntry("agent", agentName)
			.containsEntry("registeredAgent", Map.of("name", agentName));
		assertThat(row("SELECT last_seen_at FROM agent WHERE name = ?", agentName).get("last_seen_at"))
			.isInstanceOfSatisfying(OffsetDateTime.class, seen -> assertThat(seen).isAfter(before));
	}

	@Test
	void anAgentTokenMayNameItsOwnAgent() {
		var input = scan(nextTime(), List.of(entry(mac, ip)));
		input.put("agent", agentName);

		assertThat(errors(ingest(agent, input))).isEmpty();
		assertThat(sessionsOf(agentName)).isEqualTo(1);
	}

	@Test
	void anAgentTokenNamingAnotherAgentIsRefusedAndWritesNothing() {
		agent("other");
		var input = scan(nextTime(), List.of(entry(mac, ip)));
		input.put("agent", data().name("other"));

		graphQl(agent).document(INGEST).variable("input", input).execute().errors()
			.expect(e -> e.getMessage().equals("An agent token posts scans only as its own agent, " + agentName)
					&& "FORBIDDEN".equals(e.getExtensions().get("classification")))
			.verify();
		assertThat(sessionsOf(agentName) + sessionsOf(data().name("other"))).isZero();
		assertThat(nicRow(nic).get("last_seen")).isNull();
		assertThat(row("SELECT last_seen_at FROM agent WHERE name = ?", agentName).get("last_seen_at")).isNull();
	}

	@Test
	void anAgentTokenWhoseAgentIsGoneIsRefused() {
		jdbc.update("DELETE FROM agent WHERE name = ?", agentName);

		graphQl(agent).document(INGEST).variable("input", scan(nextTime(), List.of(entry(mac, ip)))).execute().errors()
			.expect(e -> e.getMessage().equals("This agent token belongs to no registered agent")
					&& "FORBIDDEN".equals(e.getExtensions().get("classification")))
			.verify();
		assertThat(nicRow(nic).get("last_seen")).isNull();
	}

	@Test
	void anAdminEntersAScanForANamedAgentWithoutMarkingItSeen() {
		var input = scan(nextTime(), List.of(entry(mac, ip)));
		input.put("agent", agentName);

		var payload = ingest("Token " + ADMIN_KEY, input);

		assertThat(errors(payload)).isEmpty();
		assertThat(session(payload)).containsEntry("agent", agentName)
			.containsEntry("registeredAgent", Map.of("name", agentName));
		assertThat(nicRow(nic).get("last_seen")).isNotNull();
		assertThat(row("SELECT last_seen_at FROM agent WHERE name = ?", agentName).get("last_seen_at"))
			.as("the agent itself was not heard from").isNull();
	}

	@Test
	void anAdminMayNameAnAgentThatIsNotRegistered() {
		var input = scan(nextTime(), List.of(entry(mac, ip)));
		input.put("agent", data().name("clipboard"));

		var payload = ingest("Token " + ADMIN_KEY, input);

		assertThat(session(payload)).containsEntry("agent", data().name("clipboard"))
			.containsEntry("registeredAgent", null);
	}

	@Test
	void anAdminMustNameTheAgentAndNothingIsWrittenWithout() {
		var payload = ingest("Token " + ADMIN_KEY, scan(nextTime(), List.of(entry(mac, ip))));

		assertThat(errors(payload)).containsExactly(Map.of("field", List.of("input", "agent"),
				"message", "Name the agent the scan is entered for", "code", "REQUIRED"));
		assertThat(payload.get("responses")).isNull();
		assertThat(nicRow(nic).get("last_seen")).isNull();
	}

	@Test
	void staffAndUsersDoNotPostScans() {
		for (var role : List.of("STAFF", "USER")) {
			graphQl("Token " + data().tokenFor(role.toLowerCase(), role)).document(INGEST)
				.variable("input", scan(nextTime(), List.of(entry(mac, ip)))).execute().errors()
				.expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
		}
		assertThat(nicRow(nic).get("last_seen")).isNull();
	}

	@Test
	void aRepeatedScanIsRefusedAndChangesNothing() {
		var time = nextTime();
		var stranger = data().mac();
		ingest(agent, scan(time, List.of(entry(mac, ip))));
		var seen = nicRow(nic).get("last_seen");

		var repeat = ingest(agent, scan(time, List.of(entry(stranger, ip), entry(mac, ip))));
		var repeatAsDryRun = scan(time, List.of(entry(stranger, ip)));
		repeatAsDryRun.put("dryRun", true);

		assertThat(errors(repeat)).containsExactly(Map.of("field", List.of("input", "timestamp"),
				"message", "The agent has posted a scan with this timestamp already", "code", "NOT_UNIQUE"));
		assertThat(errors(ingest(agent, repeatAsDryRun))).extracting(e -> e.get("code")).containsExactly("NOT_UNIQUE");
		assertThat(sessionsOf(agentName)).isEqualTo(1);
		assertThat(conflictsWhere("mac = ?::macaddr", stranger)).isEmpty();
		assertThat(nicRow(nic).get("last_seen")).isEqualTo(seen);
	}

	@Test
	void theSameTimestampFromAnotherAgentIsAnotherScan() {
		var time = nextTime();
		ingest(agent, scan(time, List.of(entry(mac, ip))));

		var other = ingest(agent("other"), scan(time, List.of(entry(mac, ip))));

		assertThat(errors(other)).isEmpty();
	}

	@Test
	void fiftyCopiesOfAScanPostedAtOnceLandOnce() throws Exception {
		var time = nextTime();
		var stranger = data().mac();
		var input = scan(time, List.of(entry(stranger, ip), entry(mac, ip)));
		var start = new CountDownLatch(1);
		var calls = new ArrayList<Callable<Map<String, Object>>>();
		for (int i = 0; i < 50; i++) {
			calls.add(() -> {
				start.await();
				return ingest(agent, input);
			});
		}
		var pool = Executors.newFixedThreadPool(50);
		try {
			var futures = calls.stream().map(pool::submit).toList();
			start.countDown();
			var codes = new ArrayList<String>();
			for (var future : futures) {
				var errors = errors(future.get());
				codes.add(errors.isEmpty() ? "OK" : (String) errors.get(0).get("code"));
			}
			assertThat(codes).filteredOn("OK"::equals).hasSize(1);
			assertThat(codes).filteredOn("NOT_UNIQUE"::equals).hasSize(49);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(sessionsOf(agentName)).isEqualTo(1);
		assertThat(conflictsWhere("mac = ?::macaddr", stranger)).hasSize(1);
	}

	@Test
	void malformedEntriesGetTheirOwnLinesAndTheRestOfTheScanIsIngested() {
		var hostId = GlobalId.encode("Host", 1);
		var missingNic = GlobalId.encode("Nic", Long.MAX_VALUE);
		var results = new ArrayList<Map<String, Object>>();
		results.add(entry("not-a-mac", ip));
		results.add(entry(mac, "10.0.0.300"));
		results.add(entry(mac, null));
		results.add(entry(null, ip));
		var both = entry(mac, ip);
		both.put("nic", GlobalId.encode("Nic", nic));
		results.add(both);
		results.add(byNic("!!", ip));
		results.add(byNic(hostId, ip));
		results.add(byNic(missingNic, ip));
		results.add(entry(mac, ip));

		var payload = ingest(agent, results);

		assertThat(errors(payload)).isEmpty();
		assertThat(responses(payload)).containsExactly(
				invalid(0, "'not-a-mac' is not a MAC address (use aa:bb:cc:dd:ee:ff)", "mac"),
				invalid(1, "'10.0.0.300' is not an IPv4 or IPv6 address", "ip"),
				invalid(2, "An ip is required", "ip"),
				invalid(3, "Give mac or nic"),
				invalid(4, "Give mac or nic, not both"),
				invalid(5, "'!!' is not a NIC id", "nic"),
				invalid(6, "'" + hostId + "' is not a NIC id", "nic"),
				invalid(7, "No NIC has this id", "nic"),
				line(8, "MATCHED", null, List.of(), List.of(), "Seen on its recorded ip"));
		assertThat(stats(payload)).isEqualTo(counts(9, 1, 0, 0, 0, 0, 0));
		assertThat(nicRow(nic).get("last_seen")).isNotNull();
	}

	private int sessionsOf(String agentName) {
		return jdbc.queryForObject("SELECT count(*) FROM scan_session WHERE agent = ?", Integer.class, agentName);
	}
}

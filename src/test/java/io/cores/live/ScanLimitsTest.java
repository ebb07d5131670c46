package io.cores.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How big a scan may be: up to cores.live.max-entries (50,000) results, posted as variables in
 * one request, which the body limit lets through for agent tokens only; one more result and
 * the scan is refused whole.
 */
class ScanLimitsTest extends IngestTest {

	private static final String STATS_ONLY = """
			mutation($input: IngestScanInput!) {
			  ingestScan(input: $input) { session { id } stats { entries unknown } errors { field message code } }
			}""";

	private String agent;

	@BeforeEach
	void anAgent() {
		agent = agent("bulk");
	}

	@Test
	void anAgentPostsAScanOfFiftyThousandEntriesInOneRequest() {
		var input = scan(nextTime(), results(50_000));
		input.put("dryRun", true);

		post(agent, input).expectStatus().isOk().expectBody()
			.jsonPath("$.errors").doesNotExist()
			.jsonPath("$.data.ingestScan.errors").isEmpty()
			.jsonPath("$.data.ingestScan.stats.entries").isEqualTo(50_000)
			.jsonPath("$.data.ingestScan.stats.unknown").isEqualTo(50_000);
	}

	@Test
	void thatBodyIsStillTooLargeForEveryoneElse() {
		var input = scan(nextTime(), results(50_000));
		input.put("agent", data().name("bulk"));
		input.put("dryRun", true);

		post("Token " + ADMIN_KEY, input).expectStatus().isEqualTo(413).expectBody()
			.jsonPath("$.errors[0].message").isEqualTo("Request body exceeds 102400 bytes");
	}

	@Test
	void aScanOverTheEntryLimitIsRefusedWholeAndWritesNothing() {
		var results = results(50_000);
		var known = data().mac();
		long nic = data().nic(null, known, "192.0.2.1", false, null);
		results.add(entry(known, "192.0.2.1"));

		post(agent, scan(nextTime(), results)).expectStatus().isOk().expectBody()
			.jsonPath("$.data.ingestScan.session").isEmpty()
			.jsonPath("$.data.ingestScan.errors[0].code").isEqualTo("INVALID")
			.jsonPath("$.data.ingestScan.errors[0].field").isEqualTo(List.of("input", "results"))
			.jsonPath("$.data.ingestScan.errors[0].message").isEqualTo("A scan has at most 50000 results; this one has 50001");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM scan_session WHERE agent = ?", Integer.class,
				data().name("bulk"))).isZero();
		assertThat(nicRow(nic).get("last_seen")).isNull();
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String authorization,
			Map<String, Object> input) {
		// tens of thousands of results take seconds to coerce and check on a busy machine
		return client().mutate().responseTimeout(Duration.ofMinutes(1)).build().post().header("Authorization", authorization)
			.bodyValue(Map.of("query", STATS_ONLY, "variables", Map.of("input", input))).exchange();
	}

	/** Distinct globally administered MACs that no NIC has, all on one ip. */
	private static List<Map<String, Object>> results(int count) {
		var results = new ArrayList<Map<String, Object>>(count + 1);
		for (int i = 0; i < count; i++) {
			results.add(entry(String.format("00:5e:%02x:%02x:%02x:%02x", (i >> 24) & 0xff, (i >> 16) & 0xff, (i >> 8) & 0xff,
					i & 0xff), "192.0.2.200"));
		}
		return results;
	}
}

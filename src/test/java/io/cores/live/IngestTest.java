package io.cores.live;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;

import io.cores.identity.internal.TokenKeys;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the ingest tests: agents with their tokens, scans posted through ingestScan as
 * variables (as agents send them), and the rows a scan leaves, read back in SQL.
 */
abstract class IngestTest extends ApiTest {

	static final String INGEST = """
			mutation($input: IngestScanInput!) {
			  ingestScan(input: $input) {
			    session { id agent scannedAt processed registeredAgent { name }
			              stats { entries matched ipUpdated conflictsCreated conflictsSuperseded unknown virtual } }
			    responses { entry outcome location created unchanged message field }
			    stats { entries matched ipUpdated conflictsCreated conflictsSuperseded unknown virtual durationMs }
			    conflictsCreated { entry kind status ip mac nicId hostId recordedIp currentLabId suggestedLabId conflict { id status } }
			    conflictsSuperseded { id status }
			    errors { field message code }
			  }
			}""";

	/** A whole second, so two scans of one test never share a timestamp by accident. */
	private OffsetDateTime clock = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusDays(1);

	/** Registers an agent (its user, AGENT token and agent row); answers "Token <key>". */
	String agent(String name) {
		long user = data().user("owner-of-" + name);
		var key = data().token(user, "AGENT", false, true, null);
		long token = jdbc.queryForObject("SELECT id FROM api_token WHERE key_hash = ?", Long.class, TokenKeys.hash(key));
		data().insert("INSERT INTO agent (name, token_id) VALUES (?, ?) RETURNING id", data().name(name), token);
		return "Token " + key;
	}

	/** A later timestamp than the previous scan of this test. */
	OffsetDateTime nextTime() {
		clock = clock.plusMinutes(1);
		return clock;
	}

	static Map<String, Object> entry(String mac, String ip) {
		var entry = new LinkedHashMap<String, Object>();
		entry.put("mac", mac);
		entry.put("ip", ip);
		return entry;
	}

	static Map<String, Object> byNic(String nicId, String ip) {
		var entry = new LinkedHashMap<String, Object>();
		entry.put("nic", nicId);
		entry.put("ip", ip);
		return entry;
	}

	static Map<String, Object> scan(OffsetDateTime timestamp, List<Map<String, Object>> results) {
		var input = new LinkedHashMap<String, Object>();
		input.put("timestamp", timestamp.toString());
		input.put("results", results);
		return input;
	}

	/** Posts a scan and answers the payload. */
	Map<String, Object> ingest(String authorization, Map<String, Object> input) {
		return graphQl(authorization).document(INGEST).variable("input", input).execute().path("ingestScan")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
	}

	/** Posts one scan, now, with these results. */
	Map<String, Object> ingest(String authorization, List<Map<String, Object>> results) {
		return ingest(authorization, scan(nextTime(), results));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> session(Map<String, Object> payload) {
		return (Map<String, Object>) payload.get("session");
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> responses(Map<String, Object> payload) {
		return (List<Map<String, Object>>) payload.get("responses");
	}

	/** The counts without durationMs, which varies from run to run but must be a number of milliseconds. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> stats(Map<String, Object> payload) {
		var stats = new LinkedHashMap<>((Map<String, Object>) payload.get("stats"));
		assertThat(stats.remove("durationMs")).as("durationMs").isInstanceOfSatisfying(Number.class,
				ms -> assertThat(ms.longValue()).as("durationMs").isNotNegative());
		return stats;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> created(Map<String, Object> payload) {
		return (List<Map<String, Object>>) payload.get("conflictsCreated");
	}

	/** The global ids of the conflicts a scan created, in its order. */
	@SuppressWarnings("unchecked")
	static List<String> createdIds(Map<String, Object> payload) {
		return created(payload).stream().map(c -> (String) ((Map<String, Object>) c.get("conflict")).get("id")).toList();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> superseded(Map<String, Object> payload) {
		return (List<Map<String, Object>>) payload.get("conflictsSuperseded");
	}

	/** The counts, in the schema's order: entries, matched, ipUpdated, conflictsCreated, conflictsSuperseded, unknown, virtual. */
	static Map<String, Object> counts(int... counts) {
		var names = List.of("entries", "matched", "ipUpdated", "conflictsCreated", "conflictsSuperseded", "unknown", "virtual");
		var stats = new LinkedHashMap<String, Object>();
		for (int i = 0; i < names.size(); i++) {
			stats.put(names.get(i), counts[i]);
		}
		return stats;
	}

	/** A response line as the payload has it. */
	static Map<String, Object> line(int entry, String outcome, String location, List<String> created, List<String> unchanged,
			String message) {
		var line = new LinkedHashMap<String, Object>();
		line.put("entry", entry);
		line.put("outcome", outcome);
		line.put("location", location);
		line.put("created", created);
		line.put("unchanged", unchanged);
		line.put("message", message);
		line.put("field", null);
		return line;
	}

	static Map<String, Object> invalid(int entry, String message, String... field) {
		var line = line(entry, "INVALID", null, List.of(), List.of(), message);
		var path = new ArrayList<>(List.of("input", "results", String.valueOf(entry)));
		path.addAll(List.of(field));
		line.put("field", path);
		return line;
	}

	/** The conflicts of a NIC, host or MAC as rows: kind, status, and the ips as text. */
	List<Map<String, Object>> conflictsWhere(String condition, Object... args) {
		return jdbc.queryForList("SELECT id, kind, status, session_id, nic_id, host_id, host(recorded_ip) AS recorded_ip, "
				+ "host(ip) AS ip, mac::text AS mac, current_lab_id, suggested_lab_id FROM scan_conflict WHERE " + condition
				+ " ORDER BY id", args);
	}

	Map<String, Object> nicRow(long nic) {
		return row("SELECT host(ip) AS ip, last_seen, version FROM nic WHERE id = ?", nic);
	}

	Map<String, Object> hostRow(long host) {
		return row("SELECT status, rack_id, host(ip) AS ip, last_seen, version FROM host WHERE id = ?", host);
	}

	/** One row, its timestamps as OffsetDateTime in UTC (what the tests' clocks are). */
	Map<String, Object> row(String sql, Object... args) {
		var row = new LinkedHashMap<>(jdbc.queryForMap(sql, args));
		row.replaceAll((column, value) -> value instanceof Timestamp time ? time.toInstant().atOffset(ZoneOffset.UTC) : value);
		return row;
	}

	/** The change-log records of an object: action and what changed. */
	List<Map<String, Object>> changesOf(String type, long id) {
		return jdbc.queryForList("SELECT action, data_before::text AS before, data_after::text AS after FROM object_change "
				+ "WHERE object_type = ? AND object_id = ? ORDER BY id", type, id);
	}

	/** The first ip of a test subnet block plus {@code n}: 172.x.y.0/24 → 172.x.y.n. */
	static String ipIn(String subnet, int n) {
		return subnet.replace(".0/24", "." + n);
	}
}

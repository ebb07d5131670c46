package io.cores.demo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A scan the demo lab's agent posts through the real ingest once the lab is loaded
 * ({@link DemoScans}), and what staff then make of the conflicts it raises.
 *
 * @param agent   the agent's name
 * @param at      the scan's timestamp
 * @param entries the results, in order
 */
public record DemoScan(String agent, Instant at, List<Entry> entries) {

	/**
	 * One result.
	 *
	 * @param then for each kind of conflict the entry raises ({@code NIC}, {@code LOCATION},
	 *             {@code UNKNOWN}), the resolution staff give it ({@code ACCEPT} or {@code IGNORE});
	 *             a kind not named stays NEW
	 */
	public record Entry(String mac, String ip, Map<String, String> then) {

		static Entry of(String mac, String ip) {
			return new Entry(mac, ip, Map.of());
		}

		static Entry of(String mac, String ip, String kind, String resolution) {
			return new Entry(mac, ip, Map.of(kind, resolution));
		}
	}
}

package io.cores.inventory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.cores.live.ScanIngested;
import io.cores.platform.audit.Actor;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory applies what a scan means only while it is still due: a NIC that got an ip,
 * a host that is no longer NEW or got a rack since the scan read them (a staff edit made
 * meanwhile) keep what they have. The event is published as the ingest does, in a transaction
 * on the real database.
 */
class NicSightingsTest extends ApiTest {

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void aSightingNoLongerDueLeavesWhatStaffSetMeanwhile() {
		long lab = data().lab(data().building("hq"), "lab");
		long staffRack = data().rack(lab, "staff-choice", false);
		long defaultRack = data().rack(lab, "default", true);
		long host = data().host("edited", staffRack, "INACTIVE");
		long nic = data().nic(host, data().mac(), "192.0.2.30", true, null);
		int changes = changeCount();

		publish(new ScanIngested(0, now(), List.of(), List.of(new ScanIngested.IpTaken(nic, "192.0.2.31")), List.of(host),
				List.of(new ScanIngested.HostPlaced(host, defaultRack)), Actor.SYSTEM));

		assertThat(jdbc.queryForObject("SELECT host(ip) FROM nic WHERE id = ?", String.class, nic)).isEqualTo("192.0.2.30");
		assertThat(jdbc.queryForMap("SELECT status, rack_id FROM host WHERE id = ?", host))
			.containsEntry("status", "INACTIVE").containsEntry("rack_id", staffRack);
		assertThat(changeCount()).as("nothing changed, nothing logged").isEqualTo(changes);
	}

	@Test
	void aSightingStillDueIsApplied() {
		long lab = data().lab(data().building("hq"), "lab");
		long defaultRack = data().rack(lab, "default", true);
		long host = data().host("fresh", null, "NEW");
		long nic = data().nic(host, data().mac(), null, true, null);
		var seen = now();

		publish(new ScanIngested(0, seen, List.of(nic), List.of(new ScanIngested.IpTaken(nic, "192.0.2.32")), List.of(host),
				List.of(new ScanIngested.HostPlaced(host, defaultRack)), Actor.SYSTEM));

		assertThat(jdbc.queryForObject("SELECT host(ip) FROM nic WHERE id = ?", String.class, nic)).isEqualTo("192.0.2.32");
		assertThat(jdbc.queryForMap("SELECT status, rack_id, host(ip) AS ip FROM host WHERE id = ?", host))
			.containsEntry("status", "ACTIVE").containsEntry("rack_id", defaultRack).containsEntry("ip", "192.0.2.32");
	}

	private void publish(ScanIngested scan) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(scan));
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

	private int changeCount() {
		return jdbc.queryForObject("SELECT count(*) FROM object_change", Integer.class);
	}
}

package io.cores.demo;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import graphql.GraphQLContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.cores.identity.Caller;
import io.cores.identity.Role;
import io.cores.live.ScanConflictResolution;
import io.cores.live.ScanConflictResolutions;
import io.cores.live.ScanEntry;
import io.cores.live.ScanIngest;
import io.cores.platform.audit.Actor;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.UserError;

/**
 * Posts the demo lab's scans through the real ingest, as its agent, and resolves the conflicts
 * each raises as a staff member would, before the next scan: sessions, responses, stats,
 * conflicts (deduplicated, superseded, ignored, accepted), virtual hosts and the inventory's
 * changes are all the ingest's own work, not rows written around it.
 */
final class DemoScans {

	private final ScanIngest ingest;
	private final ScanConflictResolutions resolutions;
	private final JdbcTemplate jdbc;

	DemoScans(ScanIngest ingest, ScanConflictResolutions resolutions, JdbcTemplate jdbc) {
		this.ingest = ingest;
		this.resolutions = resolutions;
		this.jdbc = jdbc;
	}

	/** @return how many sessions were stored */
	int post(List<DemoScan> scans) {
		if (scans.isEmpty()) {
			return 0;
		}
		var staff = GraphQLContext.newContext().of(Caller.class, staffMember()).build();
		for (var scan : scans) {
			var agent = new Caller(null, null, Role.AGENT, Set.of(), null, false, scan.agent(), null);
			var entries = scan.entries().stream().map(e -> new ScanEntry(e.mac(), null, e.ip())).toList();
			var ingested = ingest.ingest(agent, new Actor(null, scan.agent()), null, scan.at().atOffset(ZoneOffset.UTC),
					entries, false);
			require(ingested.errors(), "the scan of " + scan.at());
			for (var found : ingested.conflictsCreated()) {
				var resolution = scan.entries().get(found.entry()).then().get(found.kind().name());
				if (resolution != null) {
					var conflict = found.conflict();
					var resolved = resolutions.resolve(GlobalId.encode("ScanConflict", conflict.getId()), conflict.getVersion(),
							ScanConflictResolution.valueOf(resolution), null, staff);
					require(resolved.errors(), "resolving conflict " + conflict.getId());
				}
			}
		}
		return scans.size();
	}

	/** The first active staff member of the demo lab: resolving conflicts is staff's work. */
	private Caller staffMember() {
		return jdbc.query("SELECT id, username FROM app_user WHERE role = 'STAFF' AND active ORDER BY id LIMIT 1",
				(rs, row) -> new Caller(rs.getLong("id"), rs.getString("username"), Role.STAFF, Set.of(), null, false, null,
						null))
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The demo lab has no active staff member"));
	}

	/** The demo's own scans are well-formed: a refusal is a defect of the demo, not data to load. */
	private static void require(List<UserError> errors, String what) {
		if (!errors.isEmpty()) {
			throw new IllegalStateException("Demo data: " + what + " was refused: " + errors);
		}
	}
}

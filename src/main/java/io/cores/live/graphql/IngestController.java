package io.cores.live.graphql;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.cores.identity.Caller;
import io.cores.live.ScanConflict;
import io.cores.live.ScanConflictFinding;
import io.cores.live.ScanEntry;
import io.cores.live.ScanEntryResponse;
import io.cores.live.ScanIngest;
import io.cores.live.ScanSession;
import io.cores.live.ScanStats;
import io.cores.platform.audit.Actor;
import io.cores.platform.graphql.UserError;

/** {@code ingestScan}; the rules are in {@link ScanIngest}. */
@Controller
class IngestController {

	record IngestScanInput(String agent, OffsetDateTime timestamp, List<ScanEntry> results, Boolean dryRun) {

		/**
		 * Bound by hand: the generic argument binder looks each result's record constructor up
		 * again by reflection, which for 50,000 results took longer than reading them
		 * (docs/performance.md, Ingest). The schema has coerced and checked the types already.
		 */
		@SuppressWarnings("unchecked")
		static IngestScanInput of(Map<String, Object> input) {
			var raw = (List<Map<String, Object>>) input.get("results");
			var results = new ArrayList<ScanEntry>(raw.size());
			for (var result : raw) {
				results.add(new ScanEntry((String) result.get("mac"), (String) result.get("nic"), (String) result.get("ip")));
			}
			return new IngestScanInput((String) input.get("agent"), (OffsetDateTime) input.get("timestamp"), results,
					(Boolean) input.get("dryRun"));
		}
	}

	record IngestScanPayload(ScanSession session, List<ScanEntryResponse> responses, ScanStats stats,
			List<ScanConflictFinding> conflictsCreated, List<ScanConflict> conflictsSuperseded, List<UserError> errors) {
	}

	private final ScanIngest ingest;
	private final Actor.Lookup actors;

	IngestController(ScanIngest ingest, Actor.Lookup actors) {
		this.ingest = ingest;
		this.actors = actors;
	}

	@MutationMapping
	IngestScanPayload ingestScan(@Argument Map<String, Object> input, GraphQLContext context) {
		var scan = IngestScanInput.of(input);
		var ingested = ingest.ingest(Caller.of(context), actors.of(context), scan.agent(), scan.timestamp(), scan.results(),
				Boolean.TRUE.equals(scan.dryRun()));
		return new IngestScanPayload(ingested.session(), ingested.responses(), ingested.stats(), ingested.conflictsCreated(),
				ingested.conflictsSuperseded(), ingested.errors());
	}
}

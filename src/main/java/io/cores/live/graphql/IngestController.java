package io.cores.live.graphql;

import java.time.OffsetDateTime;
import java.util.List;

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
	IngestScanPayload ingestScan(@Argument IngestScanInput input, GraphQLContext context) {
		var ingested = ingest.ingest(Caller.of(context), actors.of(context), input.agent(), input.timestamp(),
				input.results(), Boolean.TRUE.equals(input.dryRun()));
		return new IngestScanPayload(ingested.session(), ingested.responses(), ingested.stats(), ingested.conflictsCreated(),
				ingested.conflictsSuperseded(), ingested.errors());
	}
}

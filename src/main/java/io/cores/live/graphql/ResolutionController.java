package io.cores.live.graphql;

import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.cores.live.ScanConflict;
import io.cores.live.ScanConflictResolution;
import io.cores.live.ScanConflictResolutions;
import io.cores.platform.graphql.UserError;

/** {@code resolveScanConflict} and its bulk form; the rules are in {@link ScanConflictResolutions}. */
@Controller
class ResolutionController {

	record ResolveScanConflictInput(String id, int version, ScanConflictResolution resolution, String host) {
	}

	record ResolveScanConflictPayload(ScanConflict scanConflict, List<UserError> errors) {
	}

	record BulkResolveScanConflictPayload(List<ScanConflict> scanConflicts, List<UserError> errors) {
	}

	private final ScanConflictResolutions resolutions;

	ResolutionController(ScanConflictResolutions resolutions) {
		this.resolutions = resolutions;
	}

	@MutationMapping
	ResolveScanConflictPayload resolveScanConflict(@Argument ResolveScanConflictInput input, GraphQLContext context) {
		var outcome = resolutions.resolve(input.id(), input.version(), input.resolution(), input.host(), context);
		return new ResolveScanConflictPayload(outcome.object(), outcome.errors());
	}

	@MutationMapping
	@SuppressWarnings("unchecked")
	BulkResolveScanConflictPayload bulkResolveScanConflict(@Argument Map<String, Object> input, GraphQLContext context) {
		var outcome = resolutions.resolveAll((List<Map<String, Object>>) input.get("items"),
				ScanConflictResolution.valueOf(String.valueOf(input.get("resolution"))), (String) input.get("host"), context);
		return new BulkResolveScanConflictPayload(outcome.errors().isEmpty() ? outcome.objects() : null, outcome.errors());
	}
}

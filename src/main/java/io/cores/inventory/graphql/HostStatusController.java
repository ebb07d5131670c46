package io.cores.inventory.graphql;

import java.util.List;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.cores.identity.Caller;
import io.cores.inventory.Host;
import io.cores.inventory.HostStatus;
import io.cores.inventory.HostStatuses;
import io.cores.platform.graphql.UserError;

/** {@code changeHostStatus}, for staff; the rules are in {@link HostStatuses}. */
@Controller
class HostStatusController {

	record ChangeHostStatusInput(String id, int version, HostStatus status) {
	}

	record ChangeHostStatusPayload(Host host, List<UserError> errors) {
	}

	private final HostStatuses statuses;

	HostStatusController(HostStatuses statuses) {
		this.statuses = statuses;
	}

	@MutationMapping
	ChangeHostStatusPayload changeHostStatus(@Argument ChangeHostStatusInput input, GraphQLContext context) {
		var changed = statuses.change(Caller.of(context), input.id(), input.version(), input.status());
		return new ChangeHostStatusPayload(changed.host(), changed.errors());
	}
}

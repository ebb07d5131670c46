package io.cores.identity.graphql;

import java.time.OffsetDateTime;
import java.util.List;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.cores.identity.Agent;
import io.cores.identity.Caller;
import io.cores.identity.Role;
import io.cores.identity.Token;
import io.cores.identity.TokenManagement;
import io.cores.platform.graphql.UserError;

/** The token and agent mutations; the rules are in {@link TokenManagement}. */
@Controller
class TokenController {

	record CreateTokenInput(Role role, Boolean readOnly, String comment, OffsetDateTime expiresAt, String owner) {
	}

	record CreateTokenPayload(Token token, String key, List<UserError> errors) {
	}

	record TokenVersionInput(String id, int version) {
	}

	record DisableTokenPayload(Token token, List<UserError> errors) {
	}

	record EnableTokenPayload(Token token, List<UserError> errors) {
	}

	record DeleteTokenPayload(String deletedId, List<UserError> errors) {
	}

	record RegisterAgentInput(String name, Object metadata, OffsetDateTime expiresAt) {
	}

	record RegisterAgentPayload(Agent agent, String key, List<UserError> errors) {
	}

	private final TokenManagement management;

	TokenController(TokenManagement management) {
		this.management = management;
	}

	@MutationMapping
	CreateTokenPayload createToken(@Argument CreateTokenInput input, GraphQLContext context) {
		var issued = management.create(Caller.of(context), input.role(), Boolean.TRUE.equals(input.readOnly()),
				input.comment(), input.expiresAt(), input.owner());
		return new CreateTokenPayload(issued.token(), issued.key(), issued.errors());
	}

	@MutationMapping
	DisableTokenPayload disableToken(@Argument TokenVersionInput input, GraphQLContext context) {
		var changed = management.setEnabled(Caller.of(context), input.id(), input.version(), false);
		return new DisableTokenPayload(changed.token(), changed.errors());
	}

	@MutationMapping
	EnableTokenPayload enableToken(@Argument TokenVersionInput input, GraphQLContext context) {
		var changed = management.setEnabled(Caller.of(context), input.id(), input.version(), true);
		return new EnableTokenPayload(changed.token(), changed.errors());
	}

	@MutationMapping
	DeleteTokenPayload deleteToken(@Argument TokenVersionInput input, GraphQLContext context) {
		var errors = management.delete(Caller.of(context), input.id(), input.version());
		return new DeleteTokenPayload(errors.isEmpty() ? input.id() : null, errors);
	}

	@MutationMapping
	RegisterAgentPayload registerAgent(@Argument RegisterAgentInput input, GraphQLContext context) {
		var registered = management.registerAgent(Caller.of(context), input.name(), input.metadata(), input.expiresAt());
		return new RegisterAgentPayload(registered.agent(), registered.key(), registered.errors());
	}
}

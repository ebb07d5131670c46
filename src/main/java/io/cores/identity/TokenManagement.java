package io.cores.identity;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cores.identity.internal.Memberships;
import io.cores.identity.internal.TokenKeys;
import io.cores.platform.audit.ObjectChanged;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.UserError;
import io.cores.platform.graphql.access.AccessDenied;

/**
 * Creating, disabling, enabling and deleting API tokens, and registering agents. The rules:
 * a user manages their own tokens and an admin all; a token never grants more than its
 * owner's role; AGENT tokens come only with an agent. Each change is logged in its
 * transaction. Someone else's token is "not found" to a non-admin, so ids reveal nothing.
 * Disabling or deleting a token publishes {@link TokenRevoked}.
 */
@Service
public class TokenManagement {

	/** A second agent of one name; also what the constraint agent_name_key means to a racing writer. */
	public static final UserError AGENT_NAME_TAKEN = UserError.of(UserError.Code.NOT_UNIQUE, "An agent of that name exists",
			"input", "name");

	public record Issued(Token token, String key, List<UserError> errors) {
	}

	public record Changed(Token token, List<UserError> errors) {
	}

	public record Registered(Agent agent, String key, List<UserError> errors) {
	}

	private final TokenRepository tokens;
	private final UserRepository users;
	private final AgentRepository agents;
	private final Memberships memberships;
	private final ApplicationEventPublisher events;

	TokenManagement(TokenRepository tokens, UserRepository users, AgentRepository agents, Memberships memberships,
			ApplicationEventPublisher events) {
		this.tokens = tokens;
		this.users = users;
		this.agents = agents;
		this.memberships = memberships;
		this.events = events;
	}

	@Transactional
	public Issued create(Caller caller, Role role, boolean readOnly, String comment, OffsetDateTime expiresAt, String ownerId) {
		long owner = ownerId == null ? caller.userId() : GlobalId.decodeKey(ownerId, "User", "input.owner");
		if (owner != caller.userId() && !caller.has(Role.ADMIN)) {
			throw AccessDenied.forbidden("Only admins create tokens for others");
		}
		var user = users.findById(owner).orElse(null);
		if (user == null) {
			return new Issued(null, null, List.of(UserError.of(UserError.Code.NOT_FOUND, "No such user", "input", "owner")));
		}
		var ownerRole = memberships.of(owner, user.getRole()).role();
		var granted = role == null ? ownerRole : role;
		if (granted == Role.AGENT) {
			return new Issued(null, null, List.of(UserError.of(UserError.Code.INVALID,
					"AGENT tokens come with an agent: use registerAgent", "input", "role")));
		}
		if (!ownerRole.includes(granted)) {
			return new Issued(null, null, List.of(UserError.of(UserError.Code.INVALID,
					"A token may not grant " + granted + ", above its owner's role " + ownerRole, "input", "role")));
		}
		var expiryError = expiry(expiresAt);
		if (expiryError != null) {
			return new Issued(null, null, List.of(expiryError));
		}
		var key = TokenKeys.generate();
		var token = tokens.saveAndFlush(new Token(TokenKeys.hash(key), TokenKeys.shownPrefix(key), owner, granted)
			.configure(comment, readOnly, expiresAt));
		logged(caller, "CREATE", token, null, describe(token));
		return new Issued(token, key, List.of());
	}

	@Transactional
	public Changed setEnabled(Caller caller, String id, int version, boolean enabled) {
		var token = visible(caller, id);
		if (token == null) {
			return new Changed(null, List.of(notFound()));
		}
		if (token.getVersion() != version) {
			return new Changed(null, List.of(stale(token)));
		}
		var before = describe(token);
		if (enabled) {
			token.enable();
		}
		else {
			token.disable();
		}
		tokens.saveAndFlush(token);
		logged(caller, "UPDATE", token, before, describe(token));
		if (!enabled) {
			events.publishEvent(new TokenRevoked(token.getId()));
		}
		return new Changed(token, List.of());
	}

	@Transactional
	public List<UserError> delete(Caller caller, String id, int version) {
		var token = visible(caller, id);
		if (token == null) {
			return List.of(notFound());
		}
		if (token.getVersion() != version) {
			return List.of(stale(token));
		}
		logged(caller, "DELETE", token, describe(token), null);
		tokens.delete(token);
		tokens.flush();
		events.publishEvent(new TokenRevoked(token.getId()));
		return List.of();
	}

	@Transactional
	public Registered registerAgent(Caller caller, String name, Object metadata, OffsetDateTime expiresAt) {
		if (name == null || name.isBlank()) {
			return new Registered(null, null, List.of(UserError.of(UserError.Code.REQUIRED, "A name is required", "input", "name")));
		}
		if (agents.exists(QAgent.agent.name.eq(name.trim()))) {
			return new Registered(null, null, List.of(AGENT_NAME_TAKEN));
		}
		var expiryError = expiry(expiresAt);
		if (expiryError != null) {
			return new Registered(null, null, List.of(expiryError));
		}
		var key = TokenKeys.generate();
		var token = tokens.saveAndFlush(new Token(TokenKeys.hash(key), TokenKeys.shownPrefix(key), caller.userId(), Role.AGENT)
			.configure("agent " + name.trim(), false, expiresAt));
		var agent = agents.saveAndFlush(new Agent(name.trim(), token.getId()).describedBy(metadata));
		logged(caller, "CREATE", token, null, describe(token));
		events.publishEvent(new ObjectChanged("Agent", agent.getId(), "CREATE", agent.getName(), null,
				Map.of("name", agent.getName(), "tokenId", token.getId()), caller.userId(), caller.username()));
		return new Registered(agent, key, List.of());
	}

	/** The token, locked for the change, if the caller may manage it: their own, or any for an admin. */
	private Token visible(Caller caller, String id) {
		long key = GlobalId.decodeKey(id, "Token", "input.id");
		var token = tokens.findLockedById(key).orElse(null);
		if (token == null || (!caller.has(Role.ADMIN) && !token.getOwnerId().equals(caller.userId()))) {
			return null;
		}
		return token;
	}

	private static UserError expiry(OffsetDateTime expiresAt) {
		if (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now())) {
			return UserError.of(UserError.Code.INVALID, "expiresAt must be in the future", "input", "expiresAt");
		}
		return null;
	}

	private static UserError notFound() {
		return UserError.of(UserError.Code.NOT_FOUND, "No such token", "input", "id");
	}

	private static UserError stale(Token token) {
		return UserError.of(UserError.Code.STALE_VERSION,
				"The token changed since you read it (now version " + token.getVersion() + ")", "input", "version");
	}

	/** What the change log keeps of a token: never its hash. */
	private static Map<String, Object> describe(Token token) {
		var data = new LinkedHashMap<String, Object>();
		data.put("keyPrefix", token.getKeyPrefix());
		data.put("ownerId", token.getOwnerId());
		data.put("role", token.getRole().name());
		data.put("enabled", token.isEnabled());
		data.put("readOnly", token.isReadOnly());
		data.put("comment", token.getComment());
		data.put("expiresAt", token.getExpiresAt() == null ? null : token.getExpiresAt().toString());
		return data;
	}

	private void logged(Caller caller, String action, Token token, Map<String, Object> before, Map<String, Object> after) {
		events.publishEvent(new ObjectChanged("Token", token.getId(), action, token.getKeyPrefix() + "…", before, after,
				caller.userId(), caller.username()));
	}
}

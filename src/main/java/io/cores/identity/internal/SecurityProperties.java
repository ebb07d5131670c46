package io.cores.identity.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.cores.identity.Role;

/**
 * How people's JWTs map to Cores users, and how often open connections are re-checked
 * ({@code cores.security.*}).
 *
 * @param groupsClaim the claim listing the user's groups (Keycloak: "groups" with the group mapper)
 * @param adminGroups groups, by exact name, whose members are ADMIN
 * @param staffGroups groups, by exact name, whose members are STAFF
 * @param jwt what a JWT must carry besides a valid signature and lifetime
 * @param websocketRecheck how often the tokens of open WebSocket connections are checked again
 * @param credentialCache how long an authenticated credential is taken on trust without being
 *        checked again (0: never); a change made elsewhere takes effect within it
 */
@ConfigurationProperties("cores.security")
public record SecurityProperties(@DefaultValue("groups") String groupsClaim,
		@DefaultValue("cores-admins") List<String> adminGroups, @DefaultValue("cores-staff") List<String> staffGroups,
		@DefaultValue Jwt jwt, @DefaultValue("10s") Duration websocketRecheck, @DefaultValue("5s") Duration credentialCache) {

	static final Duration SHORTEST_RECHECK = Duration.ofMillis(500);
	static final Duration LONGEST_RECHECK = Duration.ofMinutes(5);

	public SecurityProperties {
		if (websocketRecheck.compareTo(SHORTEST_RECHECK) < 0 || websocketRecheck.compareTo(LONGEST_RECHECK) > 0) {
			throw new IllegalArgumentException("cores.security.websocket-recheck must be between " + SHORTEST_RECHECK
					+ " and " + LONGEST_RECHECK + ", not " + websocketRecheck);
		}
		if (credentialCache.isNegative() || credentialCache.compareTo(RecentCallers.LONGEST) > 0) {
			throw new IllegalArgumentException("cores.security.credential-cache must be between 0 and " + RecentCallers.LONGEST
					+ ", not " + credentialCache);
		}
	}

	/** The role a group grants by its configured name, whatever role it has in Cores; null for none. */
	Role configuredRole(String groupName) {
		if (adminGroups.contains(groupName)) {
			return Role.ADMIN;
		}
		return staffGroups.contains(groupName) ? Role.STAFF : null;
	}

	/**
	 * @param audiences when not empty, a JWT whose {@code aud} names none of these is refused
	 */
	public record Jwt(List<String> audiences) {

		public Jwt {
			audiences = audiences == null ? List.of() : List.copyOf(audiences);
		}
	}
}

package io.cores.identity.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people's JWTs map to Cores users ({@code cores.security.*}).
 *
 * @param groupsClaim the claim listing the user's groups (Keycloak: "groups" with the group mapper)
 * @param adminGroups groups whose members are ADMIN
 * @param staffGroups groups whose members are STAFF
 */
@ConfigurationProperties("cores.security")
public record SecurityProperties(@DefaultValue("groups") String groupsClaim,
		@DefaultValue("cores-admins") List<String> adminGroups, @DefaultValue("cores-staff") List<String> staffGroups) {
}

/**
 * Who is who: users, groups (which grant roles and are the targets of notices), API tokens
 * and the scan agents that post with them. A user's effective role is the highest of its
 * own role and its groups' roles (one rule for JWTs and tokens, in {@code Memberships}); a
 * token grants at most its owner's role. Admins write users and groups through the generic
 * write path and memberships through {@link io.cores.identity.GroupMembers} (LOCAL ones; those
 * from the groups claim follow the sign-in).
 * <p>
 * Owns app_user, user_group, group_membership, api_token and agent. Other modules refer to
 * users by id ({@code ownerId}, {@code authorId}) and read them through the types at this
 * package's root. Only this module writes them; {@link io.cores.identity.Agents} records that
 * an agent posted a scan, for the live module. It publishes {@link io.cores.identity.TokenRevoked}
 * (handled here, to close the token's open connections).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.cores.identity;

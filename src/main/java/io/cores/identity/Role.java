package io.cores.identity;

/**
 * What a user, group or token may do, from most to least: ADMIN everything (users, tokens),
 * STAFF writes inventory, booking, notices, loans and resolves conflicts, USER reads and
 * keeps its own holds, AGENT only ingests scans as its own agent.
 */
public enum Role {
	ADMIN, STAFF, USER, AGENT
}

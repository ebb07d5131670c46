package io.cores.identity;

/**
 * What a user, group or token may do, from most to least: ADMIN everything (users, tokens),
 * STAFF writes inventory, booking, notices, loans and resolves conflicts, USER reads and
 * keeps its own holds. AGENT stands apart: it may only ingest scans as its own agent, and
 * includes no other role.
 */
public enum Role {
	ADMIN(3), STAFF(2), USER(1), AGENT(0);

	private final int rank;

	Role(int rank) {
		this.rank = rank;
	}

	/** Whether this role may do what {@code needed} may: ADMIN includes STAFF includes USER. */
	public boolean includes(Role needed) {
		if (this == AGENT || needed == AGENT) {
			return this == needed;
		}
		return rank >= needed.rank;
	}

	/** The higher of two roles (for a user's own role and its groups' roles). */
	public static Role highest(Role a, Role b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return a.rank >= b.rank ? a : b;
	}
}

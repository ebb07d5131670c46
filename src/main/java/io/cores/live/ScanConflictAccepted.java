package io.cores.live;

import java.time.OffsetDateTime;

import graphql.GraphQLContext;

import io.cores.platform.graphql.UserError;

/**
 * Staff accepted a conflict: the inventory takes what the scan saw, which is the inventory's
 * to apply, through its own write path, in the resolving transaction. Published synchronously;
 * a change the inventory refuses is thrown back as {@link Refused}, and the resolution is
 * refused with it (nothing written).
 *
 * @param context the resolving request: who resolves (the inventory checks and logs its writes as theirs)
 */
public record ScanConflictAccepted(long conflictId, Change change, GraphQLContext context) {

	/** What accepting means for the inventory, by kind of conflict. */
	public sealed interface Change {
	}

	/** NIC: the NIC takes the scanned ip. */
	public record NicTakesIp(long nicId, String ip) implements Change {
	}

	/** LOCATION: the host moves to this rack (the suggested lab's default rack). */
	public record HostMoves(long hostId, long rackId) implements Change {
	}

	/** UNKNOWN: a NIC with this MAC and ip is created, on the host when one is given, seen when the scan saw it. */
	public record NicCreated(String mac, String ip, Long hostId, OffsetDateTime seenAt) implements Change {
	}

	/**
	 * The inventory refused the change.
	 *
	 * @param field the input field of the resolution at fault ({@code id} or {@code host})
	 */
	public static final class Refused extends RuntimeException {

		private final transient UserError.Code code;
		private final String field;

		public Refused(UserError.Code code, String message, String field) {
			super(message, null, false, false);
			this.code = code;
			this.field = field;
		}

		public UserError.Code code() {
			return code;
		}

		public String field() {
			return field;
		}
	}
}

package io.cores.platform.graphql.limits;

import java.util.function.Supplier;

/**
 * For work that falls back to the resolvers when it fails (the fast read path): it runs with
 * half the time its request has left, so that a statement cancelled at that point still
 * leaves the resolvers time to answer what they can, with the deadline error where the time
 * ran out, as a request without the fast path would.
 */
public final class Deadlines {

	private Deadlines() {
	}

	public static <T> T withHalfTheTimeLeft(Supplier<T> work) {
		var request = Deadline.current();
		if (request == null) {
			return work.get();
		}
		long now = System.nanoTime();
		var previous = Deadline.replace(new Deadline(now + (request.nanos() - now) / 2, request.timeout()));
		try {
			return work.get();
		}
		finally {
			Deadline.replace(previous);
		}
	}
}

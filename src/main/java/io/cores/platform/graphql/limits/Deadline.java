package io.cores.platform.graphql.limits;

import java.time.Duration;

import io.micrometer.context.ContextRegistry;

/**
 * When a request must be done by. It travels in the request's GraphQL context, from which
 * Spring for GraphQL restores it as {@link #current()} on whatever thread runs a data fetcher
 * or a batch loader (context propagation), so the SQL those run can be given the time left.
 */
record Deadline(long nanos, Duration timeout) {

	/** The key in the GraphQL context, and of the thread-local that context propagation restores. */
	static final String KEY = Deadline.class.getName();

	private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

	static {
		ContextRegistry.getInstance().registerThreadLocalAccessor(KEY, CURRENT::get, CURRENT::set, CURRENT::remove);
	}

	static Deadline after(Duration timeout) {
		return new Deadline(System.nanoTime() + timeout.toNanos(), timeout);
	}

	/** The deadline of the request this thread is working for, or null outside a request. */
	static Deadline current() {
		return CURRENT.get();
	}

	/** Makes {@code deadline} this thread's (null: none), answering the one it replaces. */
	static Deadline replace(Deadline deadline) {
		var previous = CURRENT.get();
		if (deadline == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(deadline);
		}
		return previous;
	}

	long remainingMillis() {
		return Math.max(0, Duration.ofNanos(nanos - System.nanoTime()).toMillis());
	}

	boolean passed() {
		return System.nanoTime() - nanos >= 0;
	}

	String message() {
		return "The request ran longer than " + readable(timeout) + " and was stopped";
	}

	private static String readable(Duration duration) {
		return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}
}

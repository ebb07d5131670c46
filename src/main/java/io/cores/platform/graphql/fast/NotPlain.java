package io.cores.platform.graphql.fast;

/** Something the fast path does not answer; planning stops at the first, and the resolvers answer. */
final class NotPlain extends RuntimeException {

	static final NotPlain INSTANCE = new NotPlain();

	private NotPlain() {
		super(null, null, false, false);
	}
}

package io.cores.platform.graphql;

import java.util.function.Function;

/** A node and its cursor; the cursor is encoded only when a client selects it. */
public final class Edge<T> {

	private final T node;
	private final Object[] sortValues;
	private final Function<Object[], String> encoder;

	Edge(T node, Object[] sortValues, Function<Object[], String> encoder) {
		this.node = node;
		this.sortValues = sortValues;
		this.encoder = encoder;
	}

	public T getNode() {
		return node;
	}

	public String getCursor() {
		return encoder.apply(sortValues);
	}
}

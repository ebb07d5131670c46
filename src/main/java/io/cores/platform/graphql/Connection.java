package io.cores.platform.graphql;

import java.util.List;
import java.util.function.IntSupplier;

/**
 * One page of a Relay connection. {@code totalCount} is counted only if a client asks for
 * it: root connections count on demand, nested ones arrive already counted in their batch.
 */
public final class Connection<T> {

	private final List<Edge<T>> edges;
	private final PageInfo pageInfo;
	private final IntSupplier totalCount;

	Connection(List<Edge<T>> edges, PageInfo pageInfo, IntSupplier totalCount) {
		this.edges = edges;
		this.pageInfo = pageInfo;
		this.totalCount = totalCount;
	}

	public List<Edge<T>> getEdges() {
		return edges;
	}

	public List<T> getNodes() {
		return edges.stream().map(Edge::getNode).toList();
	}

	public PageInfo getPageInfo() {
		return pageInfo;
	}

	public int getTotalCount() {
		return totalCount.getAsInt();
	}
}

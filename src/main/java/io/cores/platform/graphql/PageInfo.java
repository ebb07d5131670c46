package io.cores.platform.graphql;

import java.util.List;

/**
 * Relay page info. Whether rows exist on the far side of the cursor a client came from is
 * not counted: {@code hasPreviousPage} when paging forward (and {@code hasNextPage} when
 * paging backward) is true exactly when the client passed that cursor.
 */
public final class PageInfo {

	private final boolean hasNextPage;
	private final boolean hasPreviousPage;
	private final List<? extends Edge<?>> edges;

	PageInfo(boolean hasNextPage, boolean hasPreviousPage, List<? extends Edge<?>> edges) {
		this.hasNextPage = hasNextPage;
		this.hasPreviousPage = hasPreviousPage;
		this.edges = edges;
	}

	public boolean isHasNextPage() {
		return hasNextPage;
	}

	public boolean isHasPreviousPage() {
		return hasPreviousPage;
	}

	public String getStartCursor() {
		return edges.isEmpty() ? null : edges.get(0).getCursor();
	}

	public String getEndCursor() {
		return edges.isEmpty() ? null : edges.get(edges.size() - 1).getCursor();
	}
}

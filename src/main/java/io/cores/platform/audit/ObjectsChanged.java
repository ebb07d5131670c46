package io.cores.platform.audit;

import java.util.List;

/**
 * Many objects changed in one write (a scan's NICs taking their ips, its hosts going ACTIVE):
 * each as an {@link ObjectChanged}, published together so that the audit module records them
 * in one batch rather than a statement each. Published inside the writing transaction, like
 * {@link ObjectChanged}.
 */
public record ObjectsChanged(List<ObjectChanged> changes) {

	public ObjectsChanged {
		changes = List.copyOf(changes);
	}
}

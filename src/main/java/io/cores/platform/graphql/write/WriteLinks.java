package io.cores.platform.graphql.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every declared {@link WriteLink}, by the type whose inputs write it. */
@Component
public class WriteLinks {

	private final Map<String, List<WriteLink>> byType = new HashMap<>();

	WriteLinks(ObjectProvider<WriteLink> links, ObjectProvider<WriteLink.Set> sets) {
		var all = new ArrayList<WriteLink>();
		links.orderedStream().forEach(all::add);
		sets.orderedStream().forEach(set -> all.addAll(set.links()));
		all.forEach(link -> byType.computeIfAbsent(link.type(), type -> new ArrayList<>()).add(link));
	}

	/** The links the type's inputs write as id lists. */
	public List<WriteLink> of(String type) {
		return byType.getOrDefault(type, List.of());
	}
}

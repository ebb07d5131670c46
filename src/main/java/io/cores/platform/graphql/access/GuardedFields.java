package io.cores.platform.graphql.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;

/**
 * Every declared access rule by the field it guards: what {@link Guards} puts in front of
 * resolvers, and what a reader that answers fields without their resolvers (the fast read
 * path) must consult so that it refuses exactly what they would.
 */
public final class GuardedFields {

	/** The schema's root types, named as every schema file here names them. */
	static final java.util.Set<String> ROOT_TYPES = java.util.Set.of("Query", "Mutation", "Subscription");

	private final Map<String, List<Guard.Check>> byField = new LinkedHashMap<>();
	private final List<Guard.Check> roots = new ArrayList<>();

	GuardedFields(List<Guard> guards) {
		for (var guard : guards) {
			if (guard.coordinates().equals(Guard.ROOTS)) {
				roots.add(guard.check());
			}
			else {
				byField.computeIfAbsent(guard.coordinates(), c -> new ArrayList<>()).add(guard.check());
			}
		}
	}

	/** Whether the field ({@code Type.field}) has a rule of its own. */
	public boolean isGuarded(String coordinates) {
		return byField.containsKey(coordinates);
	}

	/**
	 * Who may call the field, as its one check of its own says ({@link Guard.Check#who()}); null
	 * where it has none, several (whose words would not say that all must pass), or one that
	 * does not say.
	 */
	String who(String coordinates) {
		var checks = byField.getOrDefault(coordinates, List.of());
		return checks.size() == 1 ? checks.get(0).who() : null;
	}

	/** The checks of a field in the order they run: the root rules first for a root field. */
	List<Guard.Check> checks(String coordinates, boolean root) {
		var checks = new ArrayList<Guard.Check>();
		if (root) {
			checks.addAll(roots);
		}
		checks.addAll(byField.getOrDefault(coordinates, List.of()));
		return checks;
	}

	/** Runs the rules every root field has; throws {@link AccessDenied} as they do. */
	public void checkRoot(DataFetchingEnvironment env) {
		for (var check : roots) {
			check.check(env);
		}
	}
}

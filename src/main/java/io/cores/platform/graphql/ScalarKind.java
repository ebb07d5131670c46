package io.cores.platform.graphql;

import java.util.Set;

/**
 * The kinds of scalar a filter can test, each with the operators API.md gives it.
 * The names match the schema's filter inputs (StringFilter, IPAddressFilter, ...).
 */
public enum ScalarKind {
	ID(Ops.EQUALITY),
	STRING(Ops.union(Ops.EQUALITY, Set.of("contains", "startsWith", "endsWith", "iContains", "iEq"))),
	INT(Ops.union(Ops.EQUALITY, Ops.ORDERED)),
	LONG(Ops.union(Ops.EQUALITY, Ops.ORDERED)),
	BOOLEAN(Set.of("eq", "ne", "isNull")),
	DATE_TIME(Ops.union(Ops.EQUALITY, Ops.ORDERED)),
	ENUM(Ops.EQUALITY),
	IP(Ops.union(Ops.EQUALITY, Ops.ORDERED, Set.of("inSubnet"))),
	CIDR(Ops.union(Ops.EQUALITY, Set.of("containsIp"))),
	MAC(Ops.union(Ops.EQUALITY, Set.of("startsWith")));

	private final Set<String> operators;

	ScalarKind(Set<String> operators) {
		this.operators = operators;
	}

	public Set<String> operators() {
		return operators;
	}

	private static final class Ops {
		static final Set<String> EQUALITY = Set.of("eq", "ne", "in", "notIn", "isNull");
		static final Set<String> ORDERED = Set.of("lt", "lte", "gt", "gte");

		@SafeVarargs
		static Set<String> union(Set<String>... sets) {
			var all = new java.util.HashSet<String>();
			for (var set : sets) {
				all.addAll(set);
			}
			return Set.copyOf(all);
		}
	}
}

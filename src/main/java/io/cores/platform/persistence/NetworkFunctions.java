package io.cores.platform.persistence;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;

/**
 * PostgreSQL's network operators as HQL functions, so Querydsl predicates can use them:
 * {@code inet_in_subnet(ip, '10.0.0.0/8')} and {@code cidr_contains_ip(subnet, '10.1.2.3')}.
 * (A MAC prefix is a range of MACs, which needs no function: FilterCompiler.)
 */
public class NetworkFunctions implements FunctionContributor {

	@Override
	public void contributeFunctions(FunctionContributions contributions) {
		var registry = contributions.getFunctionRegistry();
		var types = contributions.getTypeConfiguration().getBasicTypeRegistry();
		BasicType<Boolean> bool = types.resolve(StandardBasicTypes.BOOLEAN);
		registry.registerPattern("inet_in_subnet", "(?1 <<= cast(?2 as cidr))", bool);
		registry.registerPattern("cidr_contains_ip", "(?1 >>= cast(?2 as inet))", bool);
	}
}

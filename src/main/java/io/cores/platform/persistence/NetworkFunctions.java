package io.cores.platform.persistence;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;

/**
 * PostgreSQL's network operators as HQL functions, so Querydsl predicates can use them:
 * {@code inet_in_subnet(ip, '10.0.0.0/8')}, {@code cidr_contains_ip(subnet, '10.1.2.3')}
 * and {@code mac_text(mac)} for prefix matches on a MAC address.
 */
public class NetworkFunctions implements FunctionContributor {

	@Override
	public void contributeFunctions(FunctionContributions contributions) {
		var registry = contributions.getFunctionRegistry();
		var types = contributions.getTypeConfiguration().getBasicTypeRegistry();
		BasicType<Boolean> bool = types.resolve(StandardBasicTypes.BOOLEAN);
		BasicType<String> text = types.resolve(StandardBasicTypes.STRING);
		registry.registerPattern("inet_in_subnet", "(?1 <<= cast(?2 as cidr))", bool);
		registry.registerPattern("cidr_contains_ip", "(?1 >>= cast(?2 as inet))", bool);
		registry.registerPattern("mac_text", "cast(?1 as text)", text);
	}
}

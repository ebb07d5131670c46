package io.cores.live.graphql;

import java.util.Map;
import java.util.function.Function;

import com.querydsl.core.types.Expression;
import com.querydsl.core.types.Predicate;
import com.querydsl.core.types.dsl.EntityPathBase;
import com.querydsl.core.types.dsl.Expressions;
import com.querydsl.jpa.JPAExpressions;

import io.cores.platform.graphql.FilterCompiler;
import io.cores.platform.graphql.FilterField;

/**
 * {@code lab: LabFilter} on conflicts and virtual host scans: the ip lies in a subnet of a lab
 * the nested filter matches, the same question an ingest asks of an ip. Lab subnets are the
 * inventory's, named in the query rather than through its Java types (this module may not use
 * them, as for the ingest's reads); one subquery in the page's own statement.
 */
final class IpInLab<Q extends EntityPathBase<?>> implements FilterField.Custom<Q> {

	private final Function<Q, Expression<?>> ip;

	IpInLab(Function<Q, Expression<?>> ip) {
		this.ip = ip;
	}

	@Override
	@SuppressWarnings("unchecked")
	public Predicate compile(Q alias, Object value, FilterCompiler compiler, String argument) {
		var labType = compiler.type("Lab");
		// aliases named after the enclosing one: unique along any chain of nested subqueries
		var name = alias.getMetadata().getName() + "_ip_lab";
		var lab = labType.alias(name);
		var labs = JPAExpressions.select(labType.idOf(lab)).from(lab)
			.where(compiler.compile(labType, lab, (Map<String, Object>) value, argument));
		var subnet = name + "_subnet";
		return Expressions.booleanTemplate("exists (select 1 from LabSubnet " + subnet + " where " + subnet + ".labId in ({0}) "
				+ "and cidr_contains_ip(" + subnet + ".subnet, {1}) = true)", labs, ip.apply(alias));
	}
}

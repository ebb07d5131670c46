package io.cores.platform.graphql;

import graphql.scalars.ExtendedScalars;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** The schema's scalars: the extended scalars API.md names and the network ones. */
@Component
class ScalarWiring implements RuntimeWiringConfigurer {

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.scalar(ExtendedScalars.DateTime)
			.scalar(ExtendedScalars.Date)
			.scalar(ExtendedScalars.Json)
			.scalar(ExtendedScalars.GraphQLLong)
			.scalar(NetworkScalars.MAC_ADDRESS)
			.scalar(NetworkScalars.IP_ADDRESS)
			.scalar(NetworkScalars.CIDR);
	}
}

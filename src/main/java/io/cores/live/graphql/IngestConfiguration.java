package io.cores.live.graphql;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.identity.Access;
import io.cores.identity.Caller;
import io.cores.identity.Role;
import io.cores.live.IngestLimits;
import io.cores.live.ScanIngest;
import io.cores.platform.graphql.access.Guard;
import io.cores.platform.graphql.limits.RequestSizeAllowance;
import io.cores.platform.graphql.write.ConstraintError;

/** Who may post scans, how big a scan may be, and what a racing duplicate is told. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestLimits.class)
class IngestConfiguration {

	/** Agents, and admins entering a scan by hand; which agent a caller posts as is ScanIngest's rule. */
	@Bean
	Guard ingestScanAccess() {
		return Guard.field("Mutation", "ingestScan", Guard.Check.of("agents (as themselves) and ADMIN", env -> {
			var caller = Caller.of(env.getGraphQlContext());
			if (!caller.isAgent()) {
				Access.require(caller, Role.ADMIN);
			}
		}));
	}

	/** A whole scan is posted as variables in one request; only agent tokens need that much room. */
	@Bean
	RequestSizeAllowance agentScans(IngestLimits limits) {
		return request -> Caller.of(request).isAgent() ? limits.maxRequestSize().toBytes() : 0;
	}

	@Bean
	ConstraintError repeatedScan() {
		return new ConstraintError("scan_session_agent_time_key", ScanIngest.REPEATED);
	}
}

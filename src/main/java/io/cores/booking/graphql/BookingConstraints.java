package io.cores.booking.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.booking.HoldManagement;
import io.cores.platform.graphql.write.ConstraintError;

/**
 * What the hold table's exclusion constraint means to a writer that got past the overlap
 * check (see {@link HoldManagement}): the same OVERLAP the check gives.
 */
@Configuration(proxyBeanMethods = false)
class BookingConstraints {

	@Bean
	ConstraintError holdsOverlap() {
		return new ConstraintError("hold_no_overlap", HoldManagement.OVERLAP);
	}
}

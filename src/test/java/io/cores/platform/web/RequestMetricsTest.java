package io.cores.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;

import io.cores.support.ApiTest;

/**
 * What operators see of requests: their timings (per operation in {@code graphql.request},
 * per HTTP request in {@code http.server.requests}), and no long-task timer of requests in
 * flight, which cost two writes to a shared sorted set per request (docs/operations.md).
 */
class RequestMetricsTest extends ApiTest {

	@Autowired
	private MeterRegistry registry;

	@Test
	void requestsAreTimedWithoutLongTaskTimers() {
		long before = count("graphql.request");
		asAdmin().document("query Metered { me { id } }").execute().path("me.id").hasValue();

		assertThat(count("graphql.request")).isGreaterThan(before);
		assertThat(registry.find("http.server.requests").tag("uri", "/graphql").timers()).isNotEmpty();
		assertThat(Search.in(registry).longTaskTimers()).as("long-task timers").isEmpty();
	}

	private long count(String name) {
		return registry.find(name).timers().stream().mapToLong(t -> t.count()).sum();
	}
}

package io.cores.platform.request;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link RequestIdFilter} first of all servlet filters, on every path. */
@Configuration(proxyBeanMethods = false)
class RequestIdConfiguration {

	RequestIdConfiguration() {
		RequestId.registerAccessor();
	}

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		var registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Integer.MIN_VALUE);
		return registration;
	}
}

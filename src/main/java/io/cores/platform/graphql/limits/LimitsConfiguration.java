package io.cores.platform.graphql.limits;

import java.util.List;

import javax.sql.DataSource;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLTypeUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.platform.graphql.ConnectionArgs;

/**
 * The limits on a GraphQL request. All of them are checked on the parsed document before any
 * resolver runs, so a refused query costs no SQL; the timeout then bounds what is left, its
 * SQL included.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryLimits.class)
class LimitsConfiguration {

	LimitsConfiguration(QueryLimits limits) {
		// the parser's limits are process-wide in graphql-java
		ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions()
			.transform(options -> options.maxTokens(limits.maxTokens()).maxCharacters(limits.maxCharacters())));
	}

	/** Depth, complexity, shape and deadline, registered as one (see QueryLimitsInstrumentation). */
	@Bean
	QueryLimitsInstrumentation queryLimits(QueryLimits limits) {
		return new QueryLimitsInstrumentation(new MaxQueryDepthInstrumentation(limits.maxDepth()), maxQueryComplexity(limits),
				new OperationShape(limits.maxAliases(), limits.maxRootFields()), new RequestDeadline(limits.timeout()));
	}

	/**
	 * A field costs one plus what it contains; a connection multiplies its contents by its
	 * page size (first or last, else the default page), as GitHub counts nodes.
	 */
	private static MaxQueryComplexityInstrumentation maxQueryComplexity(QueryLimits limits) {
		return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), (env, children) -> {
			var type = GraphQLTypeUtil.unwrapAll(env.getFieldDefinition().getType());
			if (!type.getName().endsWith("Connection")) {
				return 1 + children;
			}
			Object first = env.getArguments().get("first");
			Object last = env.getArguments().get("last");
			int size = first instanceof Integer f ? f : last instanceof Integer l ? l : ConnectionArgs.DEFAULT_PAGE;
			// saturate: nested page sizes multiply past int range, which must not wrap to cheap
			return (int) Math.min(Integer.MAX_VALUE, 1L + (long) Math.max(size, 1) * children);
		});
	}

	/** Parsed and validated documents, reused: at most 10 MB of document text. */
	@Bean
	GraphQlSourceBuilderCustomizer documentCache() {
		var cache = new DocumentCache(10_000_000);
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
	}

	/** A statement made for a request gets the request's remaining time as its timeout. */
	@Bean
	static BeanPostProcessor deadlineDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof DataSource dataSource && !(bean instanceof DeadlineDataSource)
						? new DeadlineDataSource(dataSource) : bean;
			}
		};
	}

	@Bean
	DeadlineErrors deadlineErrors() {
		return new DeadlineErrors();
	}

	/**
	 * Runs right after Spring Security's filter chain (order -100), where the caller is known,
	 * so that an allowance can depend on it; authentication reads headers only, never the body.
	 */
	@Bean
	FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(QueryLimits limits,
			ObjectProvider<RequestSizeAllowance> allowances) {
		var registration = new FilterRegistrationBean<>(new RequestSizeFilter(limits.maxRequestSize().toBytes(),
				List.copyOf(allowances.orderedStream().toList())));
		registration.addUrlPatterns("/graphql");
		registration.setOrder(-99);
		return registration;
	}
}

package io.cores.platform.graphql.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one GraphQL request may ask for ({@code cores.graphql.*}); see docs/query-limits.md.
 *
 * @param maxDepth deepest field nesting
 * @param maxComplexity total cost, where a connection costs its page size times its contents
 * @param maxAliases aliased fields in one document
 * @param maxRootFields root fields in one operation
 * @param maxTokens parser tokens in one document
 * @param maxCharacters characters in one document
 * @param maxRequestSize HTTP body of a POST to /graphql
 * @param timeout how long one request may run before its remaining fields are refused
 */
@ConfigurationProperties("cores.graphql")
public record QueryLimits(@DefaultValue("15") int maxDepth, @DefaultValue("500000") int maxComplexity,
		@DefaultValue("30") int maxAliases, @DefaultValue("20") int maxRootFields, @DefaultValue("15000") int maxTokens,
		@DefaultValue("100000") int maxCharacters, @DefaultValue("100KB") DataSize maxRequestSize,
		@DefaultValue("30s") Duration timeout) {
}

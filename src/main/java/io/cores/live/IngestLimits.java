package io.cores.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How big a scan may be ({@code cores.live.*}; docs/operations.md).
 *
 * @param maxEntries results in one scan; a bigger scan is refused whole
 * @param maxRequestSize the HTTP body an agent token may post to /graphql, above the general
 *        {@code cores.graphql.max-request-size}: room for maxEntries results sent as variables
 */
@ConfigurationProperties("cores.live")
public record IngestLimits(@DefaultValue("50000") int maxEntries, @DefaultValue("8MB") DataSize maxRequestSize) {
}

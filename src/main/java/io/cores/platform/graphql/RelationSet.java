package io.cores.platform.graphql;

import java.util.List;

/**
 * Relations declared together from one list, for a module that adds the same field to many
 * types (the audit module's {@code changes}, {@code journal} and {@code tags}).
 */
public record RelationSet(List<Relation> relations) {
}

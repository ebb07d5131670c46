package io.cores.platform.graphql;

import java.util.List;

/**
 * Several relations declared as one bean, for a module that attaches the same field to
 * many types from one list of type names (the audit module's changes, journal and tags).
 */
public record RelationSet(List<Relation> relations) {
}

package io.cores.platform.graphql.access;

import graphql.GraphQLContext;

/**
 * What decides, for one request, which rows and fields its caller may see: two requests with
 * equal scopes see the same. Provided by the module that knows callers; readers that keep
 * work for repeat requests (the fast read path's plans) keep it per scope.
 */
@FunctionalInterface
public interface AccessScope {

	Object of(GraphQLContext context);
}

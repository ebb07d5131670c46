/**
 * The fast read path: a query whose every field is a plain column, a declared relation or a
 * connection's page is answered with its objects' JSON built by PostgreSQL in one statement,
 * the page itself read as on the resolver path (same filter, visibility, order, cursors and
 * count). Anything else takes the resolvers, so the fast path never answers differently;
 * docs/performance.md says what it covers.
 */
package io.cores.platform.graphql.fast;

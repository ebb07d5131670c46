/**
 * The change-log event every module publishes when it writes a primary object, and its batch
 * form for a write that changes many at once.
 */
package io.cores.platform.audit;

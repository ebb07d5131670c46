/** The change-log event every module publishes when it writes a primary object. */
package io.cores.platform.audit;

/** The request id: one per request, in headers, errors, log lines and the change log. */
package io.cores.platform.request;

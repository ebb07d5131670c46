package io.cores.live.internal;

/**
 * Where a scanned ip belongs: its canonical text (PostgreSQL's, so that it compares equal to
 * recorded ips), the lab whose subnet holds it and that lab's default rack, if any.
 */
record IpPlace(String ip, Long labId, Long defaultRackId) {
}

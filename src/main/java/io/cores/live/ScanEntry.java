package io.cores.live;

/** One result of a scan as posted: an ip and either a MAC or a NIC's global id; checked by the ingest. */
public record ScanEntry(String mac, String nic, String ip) {
}

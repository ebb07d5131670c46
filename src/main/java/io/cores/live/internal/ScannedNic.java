package io.cores.live.internal;

/**
 * A NIC a scan found, as the inventory had it, and as the scan changes it while later results
 * of the same scan are reconciled. NICs of one host share its {@link Host}.
 */
final class ScannedNic {

	final long id;
	final String mac;
	String ip;
	final Host host;

	ScannedNic(long id, String mac, String ip, Host host) {
		this.id = id;
		this.mac = mac;
		this.ip = ip;
		this.host = host;
	}

	/** The NIC's host: status, and its rack's lab. */
	static final class Host {

		final long id;
		String status;
		Long rackId;
		Long labId;

		Host(long id, String status, Long rackId, Long labId) {
			this.id = id;
			this.status = status;
			this.rackId = rackId;
			this.labId = labId;
		}
	}
}

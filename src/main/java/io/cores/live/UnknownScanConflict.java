package io.cores.live;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A globally administered MAC that no NIC in the inventory has. */
@Entity
@DiscriminatorValue("UNKNOWN")
public class UnknownScanConflict extends ScanConflict {

	protected UnknownScanConflict() {
	}

	public UnknownScanConflict(Long sessionId, String mac, String ip) {
		super(ScanConflictKind.UNKNOWN, sessionId, ip, null, null);
		this.mac = mac;
	}

	public String getMac() {
		return mac;
	}
}

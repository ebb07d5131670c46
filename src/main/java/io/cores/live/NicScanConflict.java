package io.cores.live;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A NIC answered on another ip than the one on record. */
@Entity
@DiscriminatorValue("NIC")
public class NicScanConflict extends ScanConflict {

	protected NicScanConflict() {
	}

	/** {@code recordedIp} is null when the NIC had no ip yet but its host is no longer NEW. */
	public NicScanConflict(Long sessionId, Long nicId, Long hostId, String recordedIp, String scannedIp) {
		super(ScanConflictKind.NIC, sessionId, scannedIp, nicId, hostId);
		this.recordedIp = recordedIp;
	}

	public String getRecordedIp() {
		return recordedIp;
	}

	public String getScannedIp() {
		return getIp();
	}
}

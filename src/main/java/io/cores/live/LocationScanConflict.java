package io.cores.live;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/**
 * A host answered in another lab's subnet than its rack's lab, or has no rack; the suggested
 * lab is the one whose subnet holds the scanned ip, when any does.
 */
@Entity
@DiscriminatorValue("LOCATION")
public class LocationScanConflict extends ScanConflict {

	protected LocationScanConflict() {
	}

	public LocationScanConflict(Long sessionId, Long hostId, Long nicId, String ip, Long currentLabId,
			Long suggestedLabId) {
		super(ScanConflictKind.LOCATION, sessionId, ip, nicId, hostId);
		this.currentLabId = currentLabId;
		this.suggestedLabId = suggestedLabId;
	}

	public Long getCurrentLabId() {
		return currentLabId;
	}

	public Long getSuggestedLabId() {
		return suggestedLabId;
	}
}

package io.cores.live;

/** What a scan conflict is about; also the discriminator of the scan_conflict table. */
public enum ScanConflictKind {
	/** The scanned ip differs from the NIC's recorded ip. */
	NIC,
	/** The scanned ip lies outside the subnets of the host's lab, or the host has no rack. */
	LOCATION,
	/** The scanned MAC is not in the inventory. */
	UNKNOWN
}

package io.cores.audit;

import java.util.List;

/** Which node types have a change log and journal, and which can be tagged. */
public final class AuditedTypes {

	/** The primary objects: each has a change log and a journal. */
	public static final List<String> AUDITED = List.of("Building", "Lab", "Rack", "HdVendor", "HostBuild", "HostHardware",
			"HostType", "CardType", "Card", "Host", "Nic", "Project", "Bookable", "Booking", "Reservation", "Notice",
			"Loan", "User", "Group", "Token", "Agent", "Tag", "ScanConflict");

	/** What can be tagged; tagged_item's check constraint allows exactly these. */
	public static final List<String> TAGGABLE = List.of("Host", "Nic", "Lab", "Rack", "Bookable");

	private AuditedTypes() {
	}
}

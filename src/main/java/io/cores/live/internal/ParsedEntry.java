package io.cores.live.internal;

import java.util.List;

import io.cores.live.ScanEntry;
import io.cores.live.ScanEntryOutcome;
import io.cores.live.ScanEntryResponse;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.InvalidInputException;
import io.cores.platform.graphql.NetworkScalars;

/**
 * One result of a scan after checking: a normalised MAC or a NIC key, and the ip as given (its
 * canonical form comes from the database, see {@link ScanReads#places}); or the INVALID line
 * that says what is wrong with it. A malformed result never stops the others.
 */
public record ParsedEntry(int index, String mac, Long nicId, String ip, ScanEntryResponse invalid) {

	public static ParsedEntry of(int index, ScanEntry entry) {
		boolean hasMac = entry.mac() != null && !entry.mac().isBlank();
		boolean hasNic = entry.nic() != null && !entry.nic().isBlank();
		if (hasMac == hasNic) {
			return invalid(index, hasMac ? "Give mac or nic, not both" : "Give mac or nic", null);
		}
		if (entry.ip() == null || entry.ip().isBlank()) {
			return invalid(index, "An ip is required", "ip");
		}
		String ip;
		try {
			ip = NetworkScalars.ip(entry.ip());
		}
		catch (IllegalArgumentException ex) {
			return invalid(index, ex.getMessage(), "ip");
		}
		if (hasMac) {
			try {
				return new ParsedEntry(index, NetworkScalars.mac(entry.mac()), null, ip, null);
			}
			catch (IllegalArgumentException ex) {
				return invalid(index, ex.getMessage(), "mac");
			}
		}
		try {
			return new ParsedEntry(index, null, GlobalId.decodeKey(entry.nic().trim(), "Nic", "nic"), ip, null);
		}
		catch (InvalidInputException ex) {
			return invalid(index, "'" + entry.nic() + "' is not a NIC id", "nic");
		}
	}

	static ParsedEntry invalid(int index, String message, String field) {
		return new ParsedEntry(index, null, null, null, invalidLine(index, message, field));
	}

	static ScanEntryResponse invalidLine(int index, String message, String field) {
		var path = field == null ? List.of("input", "results", String.valueOf(index))
				: List.of("input", "results", String.valueOf(index), field);
		return new ScanEntryResponse(index, ScanEntryOutcome.INVALID, null, List.of(), List.of(), message, path);
	}

	public boolean isValid() {
		return invalid == null;
	}
}

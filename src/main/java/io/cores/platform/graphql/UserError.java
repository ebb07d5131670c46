package io.cores.platform.graphql;

import java.util.List;

/**
 * A validation or business-rule failure of a mutation, returned in its payload's
 * {@code errors}; nothing was written. {@code field} is the path to the input field at fault.
 */
public record UserError(List<String> field, String message, Code code) {

	/** The schema's UserErrorCode. */
	public enum Code {
		REQUIRED, INVALID, NOT_UNIQUE, NOT_FOUND, OVERLAP, STALE_VERSION, INVALID_STATE, REFERENCED
	}

	public static UserError of(Code code, String message, String... field) {
		return new UserError(List.of(field), message, code);
	}
}

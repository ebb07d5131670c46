package io.cores.platform.graphql.write;

import io.cores.platform.graphql.UserError;

/**
 * The user error a database constraint's violation means, declared as a bean by the module
 * that owns the constraint. A mutation checks its rules first; when a concurrent writer got
 * past the check and the constraint refused the write, the client gets this same error.
 */
public record ConstraintError(String constraint, UserError error) {

	public static ConstraintError of(String constraint, UserError.Code code, String message, String... field) {
		return new ConstraintError(constraint, UserError.of(code, message, field));
	}
}

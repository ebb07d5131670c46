package io.cores.platform.graphql.write;

import java.util.function.Function;
import java.util.regex.Pattern;

import io.cores.platform.graphql.UserError.Code;

/** Rules on one field's value that several entities share, each stated once. */
public final class FieldRules {

	/** One address: something, one @, a domain with no blanks; what mail servers accept is theirs to say. */
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private FieldRules() {
	}

	/** The field, when given, holds an e-mail address. */
	public static <E> WriteType.Rule<E> emailAddress(String field, Function<E, String> get) {
		return (entity, write) -> {
			var value = get.apply(entity);
			if (write.gives(field) && value != null && !EMAIL.matcher(value).matches()) {
				write.reject(Code.INVALID, field + " is not an address", field);
			}
		};
	}
}

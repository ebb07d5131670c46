package io.cores.platform.graphql;

/**
 * Input that passed GraphQL validation but makes no sense here (a malformed id or cursor,
 * a page size over the limit). Reported as a BAD_REQUEST error naming the argument.
 */
public class InvalidInputException extends RuntimeException {

	private final String argument;

	public InvalidInputException(String argument, String message) {
		super(argument + ": " + message);
		this.argument = argument;
	}

	public String argument() {
		return argument;
	}
}

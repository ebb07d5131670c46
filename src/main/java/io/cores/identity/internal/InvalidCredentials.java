package io.cores.identity.internal;

/** Credentials were presented but are not valid: unknown, disabled, expired or malformed. */
public class InvalidCredentials extends RuntimeException {

	public InvalidCredentials(String message) {
		super(message);
	}
}

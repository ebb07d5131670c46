package io.cores.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque global ids: the base64url form of {@code Type:key}. Clients treat them as opaque;
 * the server decodes them to find the entity type and its key.
 */
public record GlobalId(String type, long key) {

	public static String encode(String type, long key) {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
	}

	/** Decodes an id, or throws {@link InvalidInputException} naming {@code argument}. */
	public static GlobalId decode(String id, String argument) {
		try {
			var text = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
			int colon = text.indexOf(':');
			if (colon > 0) {
				return new GlobalId(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the error below: the id is not one of ours
		}
		throw new InvalidInputException(argument, "'" + id + "' is not a valid id");
	}

	/** Decodes an id that must name an object of {@code expectedType}. */
	public static long decodeKey(String id, String expectedType, String argument) {
		var decoded = decode(id, argument);
		if (!decoded.type().equals(expectedType)) {
			throw new InvalidInputException(argument, "'" + id + "' is not a " + expectedType + " id");
		}
		return decoded.key();
	}
}

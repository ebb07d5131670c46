package io.cores.platform.persistence;

import tools.jackson.databind.json.JsonMapper;

/**
 * Converts jsonb column text to the plain values the GraphQL {@code JSON} scalar serialises
 * (maps, lists, strings, numbers, booleans) and back. Entities keep jsonb as text, so a
 * document is parsed only when a client asks for it.
 */
public final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static Object parse(String json) {
		return json == null ? null : MAPPER.readValue(json, Object.class);
	}

	public static String write(Object value) {
		return value == null ? null : MAPPER.writeValueAsString(value);
	}
}

package io.cores.inventory;

import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Runs inventory mutations as one caller and hands back their payloads. */
final class Mutations {

	private final GraphQlTester caller;

	Mutations(GraphQlTester caller) {
		this.caller = caller;
	}

	/** {@code mutation(input: $input) { selection errors { field message code } }}, the payload. */
	Map<String, Object> run(String mutation, Map<String, Object> input, String selection) {
		var inputType = Character.toUpperCase(mutation.charAt(0)) + mutation.substring(1) + "Input";
		return caller.document("mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { " + selection
				+ " errors { field message code } } }")
			.variable("input", input).execute().path(mutation)
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
	}

	/** An input from name, value pairs; a value may be null (an explicit clear). */
	static Map<String, Object> input(Object... pairs) {
		var input = new java.util.LinkedHashMap<String, Object>();
		for (int i = 0; i < pairs.length; i += 2) {
			input.put((String) pairs[i], pairs[i + 1]);
		}
		return input;
	}

	/** The payload's errors. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> errors(Map<String, Object> payload) {
		return (List<Map<String, Object>>) payload.get("errors");
	}

	/** The one error a refused write answers, as code and field. */
	static Map<String, Object> refusal(Map<String, Object> payload) {
		var errors = errors(payload);
		if (errors.size() != 1) {
			throw new AssertionError("expected one error, got " + errors);
		}
		return errors.get(0);
	}

	/** The written object's field. */
	@SuppressWarnings("unchecked")
	static <T> T written(Map<String, Object> payload, String object, String field) {
		var errors = errors(payload);
		if (!errors.isEmpty()) {
			throw new AssertionError("expected no errors, got " + errors);
		}
		return (T) ((Map<String, Object>) payload.get(object)).get(field);
	}
}

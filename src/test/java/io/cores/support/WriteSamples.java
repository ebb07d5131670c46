package io.cores.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.graphql.test.tester.GraphQlTester;

import io.cores.platform.graphql.NodeTypes;
import io.cores.platform.graphql.write.WriteType;

/**
 * Valid inputs for any writable type, made from its declaration alone: a fresh name for each
 * text field, the first existing object for each reference, false for flags. A type whose
 * fields need more (a DNS name, a MAC) gets an entry in {@link #OVERRIDES}.
 */
public final class WriteSamples {

	/** Field values that a generic sample would get wrong, by "Type.field". */
	private static final Map<String, java.util.function.Function<TestData, Object>> OVERRIDES = Map.ofEntries(
			// one line per field: Map.entry("Host.hostname", data -> data.name("h") + ".example.net"),
			Map.entry("Building.address", data -> "Main street 1"),
			// one bookable per host: each sample gets a host of its own
			Map.entry("Bookable.host", data -> io.cores.platform.graphql.GlobalId.encode("Host", data.host("bookable-host-"
					+ java.util.UUID.randomUUID().toString().substring(0, 6), null, "ACTIVE"))));

	private final GraphQlTester admin;
	private final TestData data;
	private final NodeTypes types;

	public WriteSamples(GraphQlTester admin, TestData data, NodeTypes types) {
		this.admin = admin;
		this.data = data;
		this.types = types;
	}

	/** A create input with every field of the type, required and optional. */
	public Map<String, Object> createInput(WriteType<?> type) {
		var input = new LinkedHashMap<String, Object>();
		for (var field : type.fields().values()) {
			input.put(field.name(), value(type, field));
		}
		return input;
	}

	/** A value for one field, different at every call. */
	public Object value(WriteType<?> type, WriteType.Field<?> field) {
		var override = OVERRIDES.get(type.name() + "." + field.name());
		if (override != null) {
			return override.apply(data);
		}
		if (field.isReference()) {
			return firstId(field.target());
		}
		if (field.type() == String.class) {
			return data.name(field.name().toLowerCase() + "-" + java.util.UUID.randomUUID().toString().substring(0, 6));
		}
		if (field.type() == Boolean.class) {
			return false;
		}
		if (field.type() == Integer.class || field.type() == Long.class) {
			return 1;
		}
		if (field.type().isEnum()) {
			return field.type().getEnumConstants()[0].toString();
		}
		throw new IllegalStateException("No sample for " + type.name() + "." + field.name() + "; add it to WriteSamples.OVERRIDES");
	}

	/** Creates an object of the type as an admin; its id. */
	public String create(WriteType<?> type) {
		return admin.document("mutation($input: " + "Create" + type.name() + "Input!) { " + type.createField()
				+ "(input: $input) { " + type.payloadField() + " { id } errors { message } } }")
			.variable("input", createInput(type)).execute()
			.path(type.createField() + ".errors").entityList(Object.class).hasSize(0)
			.path(type.createField() + "." + type.payloadField() + ".id").entity(String.class).get();
	}

	private String firstId(String target) {
		var plural = types.get(target).plural();
		return admin.document("{ " + plural + "(first: 1) { nodes { id } } }").execute()
			.path(plural + ".nodes[0].id").entity(String.class).get();
	}
}

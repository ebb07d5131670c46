package io.cores.support;

import java.util.LinkedHashMap;
import java.util.List;
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
			// a lab of its own for each rack, so a patch may make them all default racks
			Map.entry("Rack.lab", data -> io.cores.platform.graphql.GlobalId.encode("Lab",
					data.lab(data.building("b" + fresh()), "l"))),
			Map.entry("Notice.targetGroup", data -> io.cores.platform.graphql.GlobalId.encode("Group",
					data.insert("INSERT INTO user_group (name) VALUES (?) RETURNING id", data.name("group-" + fresh())))),
			// millis, so that the scalar's form and the change log's are the same text
			Map.entry("Notice.expiresAt", data -> "2999-01-01T10:20:30.123Z"),
			Map.entry("Tag.slug", data -> data.name("slug-" + fresh())),
			Map.entry("Tag.color", data -> fresh()),
			Map.entry("User.email", data -> data.name(fresh()) + "@example.net"),
			Map.entry("Lab.subnets", data -> List.of(data.subnet())),
			Map.entry("Host.hostname", data -> data.name("h" + fresh()) + ".example.net"),
			// a vm host must be a hypervisor, which the first host found need not be
			Map.entry("Host.vmHost", data -> io.cores.platform.graphql.GlobalId.encode("Host", data.insert(
					"INSERT INTO host (hostname, hypervisor) VALUES (?, true) RETURNING id",
					data.name("hv" + fresh())))),
			// one bookable per host: each sample gets a host of its own
			Map.entry("Bookable.host", data -> io.cores.platform.graphql.GlobalId.encode("Host", data.host("bookable-host-"
					+ fresh(), null, "ACTIVE"))),
			// one open loan per host: each sample gets a host of its own
			Map.entry("Loan.host", data -> io.cores.platform.graphql.GlobalId.encode("Host", data.host("lent-host-"
					+ fresh(), null, "ACTIVE"))),
			Map.entry("Loan.contactEmail", data -> data.name(fresh()) + "@example.net"),
			Map.entry("Loan.start", data -> "2020-01-01T10:20:30.123Z"),
			Map.entry("Loan.due", data -> "2999-01-01T10:20:30.123Z"),
			Map.entry("Nic.mac", data -> data.mac()),
			Map.entry("Nic.ip", data -> "192.0.2." + (1 + new java.util.Random().nextInt(250))));

	private static String fresh() {
		return java.util.UUID.randomUUID().toString().substring(0, 6);
	}

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

	/**
	 * A field one value can be given to many objects at once (a bulk patch): an optional
	 * value field, else a flag; never a unique name.
	 */
	public static WriteType.Field<?> sharedField(WriteType<?> type) {
		List<WriteType.Field<?>> fields = new java.util.ArrayList<>(type.fields().values());
		for (var field : fields) {
			if (!field.required() && !field.isReference()) {
				return field;
			}
		}
		for (var field : fields) {
			if (field.type() == Boolean.class) {
				return field;
			}
		}
		throw new IllegalStateException(type.name() + " has no field a bulk patch can share");
	}

	/** A value for the shared field that differs from what {@link #createInput} gave. */
	public Object sharedValue(WriteType<?> type, WriteType.Field<?> field) {
		if (field.type() == List.class) {
			// a set such as a lab's subnets: the empty one is the set that many objects may share
			return List.of();
		}
		if (field.type() == Boolean.class) {
			return Boolean.TRUE;
		}
		if (field.type().isEnum()) {
			return field.type().getEnumConstants()[1].toString();
		}
		if (field.type() == java.time.OffsetDateTime.class) {
			return "2998-06-01T08:00:00.000Z";
		}
		if (field.type() == Integer.class || field.type() == Long.class) {
			return 2;
		}
		return value(type, field);
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

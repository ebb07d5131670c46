package io.cores.platform.graphql.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.language.Description;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.springframework.graphql.execution.TypeDefinitionConfigurer;

/**
 * The types every writable node type T has by convention, derived from its {@link WriteType}
 * and T's own fields in the schema, so the schema files declare only the mutations:
 * {@code CreateTInput} (the writable fields, required ones non-null, references as {@code ID}),
 * {@code UpdateTInput} ({@code id}, {@code version}, every writable field optional),
 * {@code DeleteTInput} ({@code id}, {@code version}), and the payloads {@code CreateTPayload},
 * {@code UpdateTPayload} ({@code t: T, errors}) and {@code DeleteTPayload}
 * ({@code deletedId, errors}); a declared {@link WriteLink} adds its field as an id list to
 * the create and update inputs and the patch. Each input field carries the description of T's field. A
 * schema file that declares one of these types itself must declare it exactly so; a
 * mutation the declaration serves but the schema lacks stops the start-up.
 */
class WriteConventions implements TypeDefinitionConfigurer {

	private final List<WriteType<?>> types;
	private final java.util.function.Function<String, String> plural;

	private final WriteLinks links;

	WriteConventions(List<WriteType<?>> types, java.util.function.Function<String, String> plural, WriteLinks links) {
		this.types = types;
		this.plural = plural;
		this.links = links;
	}

	@Override
	public void configure(TypeDefinitionRegistry registry) {
		var mutations = mutationFields(registry);
		declare(registry, inputType("VersionedId", versioned()));
		var bulkMutations = new ArrayList<FieldDefinition>();
		for (var type : types) {
			for (var field : List.of(type.createField(), type.updateField(), type.deleteField())) {
				if (!mutations.contains(field)) {
					throw new IllegalStateException("The schema has no Mutation." + field + " for the declared writes of "
							+ type.name());
				}
			}
			var fields = objectFields(registry, type.name());
			var create = new ArrayList<InputValueDefinition>();
			var update = new ArrayList<InputValueDefinition>(versioned());
			var patch = new ArrayList<InputValueDefinition>();
			for (var field : type.fields().values()) {
				var definition = fields.get(field.name());
				if (definition == null) {
					throw new IllegalStateException(type.name() + " has no schema field " + field.name() + " to write");
				}
				Type<?> valueType = field.isReference() ? named("ID") : nullable(definition.getType());
				var description = definition.getDescription();
				create.add(input(field.name(), field.required() ? required(valueType) : valueType, description));
				update.add(input(field.name(), valueType, description));
				patch.add(input(field.name(), valueType, description));
			}
			for (var link : links.of(type.name())) {
				var definition = fields.get(link.field());
				if (definition == null) {
					throw new IllegalStateException(type.name() + " has no schema field " + link.field() + " to link");
				}
				var ids = ListType.newListType(required(named("ID"))).build();
				var description = new Description("The " + link.target() + " ids, as a set: given, it replaces the object's; "
						+ "[] removes them all.", null, false);
				create.add(input(link.field(), ids, description));
				update.add(input(link.field(), ids, description));
				patch.add(input(link.field(), ids, description));
			}
			declare(registry, inputType("Create" + type.name() + "Input", create));
			declare(registry, inputType("Update" + type.name() + "Input", update));
			declare(registry, inputType("Delete" + type.name() + "Input", versioned()));
			var errors = field("errors", required(ListType.newListType(required(named("UserError"))).build()));
			declare(registry, objectType("Create" + type.name() + "Payload", field(type.payloadField(), named(type.name())), errors));
			declare(registry, objectType("Update" + type.name() + "Payload", field(type.payloadField(), named(type.name())), errors));
			declare(registry, objectType("Delete" + type.name() + "Payload", field("deletedId", named("ID")), errors));
			bulk(registry, type, patch, errors, bulkMutations);
		}
		if (!bulkMutations.isEmpty()) {
			registry.add(graphql.language.ObjectTypeExtensionDefinition.newObjectTypeExtensionDefinition().name("Mutation")
				.fieldDefinitions(bulkMutations).build());
		}
	}

	/**
	 * {@code bulkUpdateT(input: { items: [{ id, version }], patch: TPatch })} and
	 * {@code bulkDeleteT(input: { items })}, for every writable type: added here, not in the
	 * schema files, so no type can lack them.
	 */
	private void bulk(TypeDefinitionRegistry registry, WriteType<?> type, List<InputValueDefinition> patch,
			FieldDefinition errors, List<FieldDefinition> mutations) {
		var items = input("items", required(ListType.newListType(required(named("VersionedId"))).build()),
				new Description("At most " + Writes.MAX_BULK + "; all are written or none.", null, false));
		declare(registry, inputType(type.name() + "Patch", patch));
		declare(registry, inputType("BulkUpdate" + type.name() + "Input",
				List.of(items, input("patch", required(named(type.name() + "Patch")), null))));
		declare(registry, inputType("BulkDelete" + type.name() + "Input", List.of(items)));
		declare(registry, objectType("BulkUpdate" + type.name() + "Payload",
				field(plural.apply(type.name()), ListType.newListType(required(named(type.name()))).build()), errors));
		declare(registry, objectType("BulkDelete" + type.name() + "Payload",
				field("deletedIds", ListType.newListType(required(named("ID"))).build()), errors));
		mutations.add(mutation(type.bulkUpdateField(), "BulkUpdate" + type.name(),
				"Applies one patch to many " + type.name() + " objects: all or nothing."));
		mutations.add(mutation(type.bulkDeleteField(), "BulkDelete" + type.name(),
				"Deletes many " + type.name() + " objects: all or nothing."));
	}

	private static FieldDefinition mutation(String name, String stem, String description) {
		return FieldDefinition.newFieldDefinition().name(name)
			.description(new Description(description, null, false))
			.inputValueDefinitions(List.of(input("input", required(named(stem + "Input")), null)))
			.type(required(named(stem + "Payload")))
			.build();
	}

	private static List<InputValueDefinition> versioned() {
		return List.of(input("id", required(named("ID")), null),
				input("version", required(named("Int")), new Description("The version you read; a changed object is not touched.", null, false)));
	}

	/** Adds the conventional type, or checks that the schema's own declaration of it is the same. */
	private static void declare(TypeDefinitionRegistry registry, graphql.language.TypeDefinition<?> conventional) {
		var existing = registry.getType(conventional.getName());
		if (existing.isEmpty()) {
			registry.add(conventional);
			return;
		}
		if (!shape(existing.get()).equals(shape(conventional))) {
			throw new IllegalStateException(conventional.getName() + " in the schema differs from the convention: "
					+ shape(existing.get()) + " instead of " + shape(conventional));
		}
	}

	/** Field names and types, in the schema's notation, ignoring descriptions and order. */
	private static Map<String, String> shape(graphql.language.TypeDefinition<?> type) {
		var shape = new java.util.TreeMap<String, String>();
		if (type instanceof InputObjectTypeDefinition input) {
			input.getInputValueDefinitions().forEach(f -> shape.put(f.getName(), text(f.getType())));
		}
		else if (type instanceof ObjectTypeDefinition object) {
			object.getFieldDefinitions().forEach(f -> shape.put(f.getName(), text(f.getType())));
		}
		return shape;
	}

	private static String text(Type<?> type) {
		if (type instanceof NonNullType nonNull) {
			return text(nonNull.getType()) + "!";
		}
		if (type instanceof ListType list) {
			return "[" + text(list.getType()) + "]";
		}
		return ((TypeName) type).getName();
	}

	private static java.util.Set<String> mutationFields(TypeDefinitionRegistry registry) {
		var names = new java.util.HashSet<String>();
		registry.getType("Mutation", ObjectTypeDefinition.class)
			.ifPresent(m -> m.getFieldDefinitions().forEach(f -> names.add(f.getName())));
		registry.objectTypeExtensions().getOrDefault("Mutation", List.of())
			.forEach(m -> m.getFieldDefinitions().forEach(f -> names.add(f.getName())));
		return names;
	}

	private static Map<String, FieldDefinition> objectFields(TypeDefinitionRegistry registry, String name) {
		var fields = new LinkedHashMap<String, FieldDefinition>();
		registry.getType(name, ObjectTypeDefinition.class)
			.orElseThrow(() -> new IllegalStateException("No schema type " + name + " to write"))
			.getFieldDefinitions().forEach(f -> fields.put(f.getName(), f));
		registry.objectTypeExtensions().getOrDefault(name, List.of())
			.forEach(e -> e.getFieldDefinitions().forEach(f -> fields.put(f.getName(), f)));
		return fields;
	}

	private static InputObjectTypeDefinition inputType(String name, List<InputValueDefinition> fields) {
		return InputObjectTypeDefinition.newInputObjectDefinition().name(name).inputValueDefinitions(fields).build();
	}

	private static ObjectTypeDefinition objectType(String name, FieldDefinition... fields) {
		return ObjectTypeDefinition.newObjectTypeDefinition().name(name).fieldDefinitions(List.of(fields)).build();
	}

	private static InputValueDefinition input(String name, Type<?> type, Description description) {
		return InputValueDefinition.newInputValueDefinition().name(name).type(type).description(description).build();
	}

	private static FieldDefinition field(String name, Type<?> type) {
		return FieldDefinition.newFieldDefinition().name(name).type(type).build();
	}

	private static Type<?> nullable(Type<?> type) {
		return type instanceof NonNullType nonNull ? nonNull.getType() : type;
	}

	private static TypeName named(String name) {
		return TypeName.newTypeName(name).build();
	}

	private static NonNullType required(Type<?> type) {
		return NonNullType.newNonNullType(type).build();
	}
}

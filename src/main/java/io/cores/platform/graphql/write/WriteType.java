package io.cores.platform.graphql.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.cores.platform.graphql.UserError;
import io.cores.platform.graphql.access.Guard;
import io.cores.platform.persistence.BaseEntity;

/**
 * What the generic write path needs to know about one entity, declared as a bean beside its
 * {@code NodeType}: the fields a client may write and the relations it may point at (by
 * global id), who may write, what each constraint's violation means, and the entity's own
 * rules. From it {@link Writes} serves {@code createX}, {@code updateX} and {@code deleteX}
 * with partial updates, versions, locks, the change log and payloads, for every entity alike.
 *
 * @param <E> the entity
 */
public final class WriteType<E extends BaseEntity> {

	/** A writable field: a value ({@code name}) or a reference to another node ({@code rack}, by global id). */
	public record Field<E>(String name, Class<?> type, String target, boolean required, Function<E, ?> get,
			BiConsumer<E, Object> set) {

		public boolean isReference() {
			return target != null;
		}
	}

	/** One of the entity's own rules, run after the input is bound and before anything is saved. */
	@FunctionalInterface
	public interface Rule<E> {
		void check(E entity, Write<E> write);
	}

	private final String name;
	private final Class<E> entityClass;
	private final Supplier<E> factory;
	private final Map<String, Field<E>> fields = new LinkedHashMap<>();
	private final Map<String, UserError> violations = new LinkedHashMap<>();
	private final List<Rule<E>> rules = new ArrayList<>();
	private final List<Rule<E>> deleteRules = new ArrayList<>();
	private final List<Rule<E>> afterSave = new ArrayList<>();
	private final List<Rule<E>> afterDelete = new ArrayList<>();
	private final Map<String, Function<E, ?>> recorded = new LinkedHashMap<>();
	private Guard.Check writers;
	private Function<E, String> repr;

	private WriteType(String name, Class<E> entityClass, Supplier<E> factory) {
		this.name = name;
		this.entityClass = entityClass;
		this.factory = factory;
	}

	/** The entity behind the node type {@code name}; {@code factory} makes an empty one to create. */
	public static <E extends BaseEntity> WriteType<E> of(String name, Class<E> entityClass, Supplier<E> factory) {
		return new WriteType<>(name, entityClass, factory);
	}

	/** Who may create, update and delete (e.g. {@code Access.role(Role.STAFF)}); required. */
	public WriteType<E> writtenBy(Guard.Check writers) {
		this.writers = writers;
		return this;
	}

	/** A field the create input must give and no update may clear. */
	public <V> WriteType<E> required(String field, Class<V> type, Function<E, V> get, BiConsumer<E, V> set) {
		return add(new Field<>(field, type, null, true, get, cast(set)));
	}

	/** A field that may be left out on create and cleared with an explicit null. */
	public <V> WriteType<E> optional(String field, Class<V> type, Function<E, V> get, BiConsumer<E, V> set) {
		return add(new Field<>(field, type, null, false, get, cast(set)));
	}

	/** A reference to a {@code target} node, written as its global id; checked to exist and be visible. */
	public WriteType<E> reference(String field, String target, boolean required, Function<E, Long> get,
			BiConsumer<E, Long> set) {
		return add(new Field<>(field, Long.class, target, required, get, cast(set)));
	}

	/**
	 * What the violation of a database constraint means to the client, on create and update
	 * (the rule's friendly error when a concurrent writer raced past it, or the rule itself
	 * where the constraint is its one place).
	 */
	public WriteType<E> violation(String constraint, UserError.Code code, String message, String field) {
		violations.put(constraint, UserError.of(code, message, "input", field));
		return this;
	}

	/** A rule of the entity's own, run on create and update. */
	public WriteType<E> rule(Rule<E> rule) {
		rules.add(rule);
		return this;
	}

	/** A rule run before a delete. */
	public WriteType<E> deleteRule(Rule<E> rule) {
		deleteRules.add(rule);
		return this;
	}

	/**
	 * Work that follows a saved create or update in the same transaction, once the row exists:
	 * an owned child table to bring in step with the input, an event for another module.
	 */
	public WriteType<E> afterSave(Rule<E> step) {
		afterSave.add(step);
		return this;
	}

	/** Work that follows a delete in the same transaction, such as an event for another module. */
	public WriteType<E> afterDelete(Rule<E> step) {
		afterDelete.add(step);
		return this;
	}

	/**
	 * A field no input writes but the change log keeps, because a domain action sets it (a
	 * loan's {@code returnedAt}): in every snapshot, never in an input, not restored by a revert.
	 */
	public WriteType<E> recorded(String field, Function<E, ?> get) {
		if (fields.containsKey(field) || recorded.put(field, get) != null) {
			throw new IllegalStateException(name + "." + field + " is declared twice");
		}
		return this;
	}

	/** The short text naming an object in the change log; the id when not given. */
	public WriteType<E> repr(Function<E, String> repr) {
		this.repr = repr;
		return this;
	}

	private WriteType<E> add(Field<E> field) {
		if (recorded.containsKey(field.name()) || fields.put(field.name(), field) != null) {
			throw new IllegalStateException(name + "." + field.name() + " is declared twice");
		}
		return this;
	}

	@SuppressWarnings("unchecked")
	private static <E, V> BiConsumer<E, Object> cast(BiConsumer<E, V> set) {
		return (BiConsumer<E, Object>) set;
	}

	public String name() {
		return name;
	}

	public Class<E> entityClass() {
		return entityClass;
	}

	E create() {
		return factory.get();
	}

	public Map<String, Field<E>> fields() {
		return Collections.unmodifiableMap(fields);
	}

	Map<String, UserError> violations() {
		return violations;
	}

	List<Rule<E>> rules() {
		return rules;
	}

	List<Rule<E>> deleteRules() {
		return deleteRules;
	}

	List<Rule<E>> afterSaveSteps() {
		return afterSave;
	}

	List<Rule<E>> afterDeleteSteps() {
		return afterDelete;
	}

	Map<String, Function<E, ?>> recordedFields() {
		return recorded;
	}

	public Guard.Check writers() {
		if (writers == null) {
			throw new IllegalStateException(name + " declares no writers (writtenBy)");
		}
		return writers;
	}

	String repr(E entity) {
		return repr == null ? name + " " + entity.getId() : repr.apply(entity);
	}

	/** The mutation fields served for this type. */
	public String createField() {
		return "create" + name;
	}

	public String updateField() {
		return "update" + name;
	}

	public String deleteField() {
		return "delete" + name;
	}

	/** The bulk mutations, added to the schema by convention for every writable type. */
	public String bulkUpdateField() {
		return "bulkUpdate" + name;
	}

	public String bulkDeleteField() {
		return "bulkDelete" + name;
	}

	/** The payload field that holds the written object: the type name in lowerCamelCase. */
	public String payloadField() {
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}
}

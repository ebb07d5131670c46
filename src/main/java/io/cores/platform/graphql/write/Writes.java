package io.cores.platform.graphql.write;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import graphql.GraphQLContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.postgresql.util.PSQLException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.cores.platform.audit.Actor;
import io.cores.platform.audit.ObjectChanged;
import io.cores.platform.graphql.ConnectionQueries;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.InvalidInputException;
import io.cores.platform.graphql.NodeTypes;
import io.cores.platform.graphql.UserError;
import io.cores.platform.persistence.BaseEntity;

/**
 * The generic write path: create, update and delete for every {@link WriteType}, each in one
 * transaction with its change-log record. An update or delete locks its row before it
 * compares the version the client read (a concurrent change is always STALE_VERSION, never
 * lost); an update binds only the fields the input names (omitted is unchanged, null clears,
 * a required field cannot be cleared); references are global ids of visible objects of the
 * right type; the entity's rules run before anything is saved; a constraint the database
 * refuses becomes the UserError it means. A refused write leaves nothing behind.
 */
@Component
public class Writes {

	/** PostgreSQL's SQLSTATEs for the constraint kinds a write can break. */
	private static final String FOREIGN_KEY = "23503";
	private static final String UNIQUE = "23505";
	private static final String CHECK = "23514";
	private static final String EXCLUSION = "23P01";
	private static final String NOT_NULL = "23502";

	private final EntityManager entityManager;
	private final TransactionTemplate transactions;
	private final ConnectionQueries reads;
	private final NodeTypes types;
	private final ApplicationEventPublisher events;
	private final Actor.Lookup actors;

	private final WriteLinks links;

	Writes(EntityManager entityManager, TransactionTemplate transactions, ConnectionQueries reads, NodeTypes types,
			ApplicationEventPublisher events, Actor.Lookup actors, WriteLinks links) {
		this.entityManager = entityManager;
		this.transactions = transactions;
		this.reads = reads;
		this.types = types;
		this.events = events;
		this.actors = actors;
		this.links = links;
	}

	/** The outcome of one write: the object written (or deleted), or the errors that stopped it. */
	public record Outcome<E>(E object, Long deletedKey, List<UserError> errors) {

		static <E> Outcome<E> refused(List<UserError> errors) {
			return new Outcome<>(null, null, List.copyOf(errors));
		}
	}

	public <E extends BaseEntity> Outcome<E> create(WriteType<E> type, Map<String, Object> input, GraphQLContext context) {
		return guarded(type, Write.Action.CREATE, () -> {
			var entity = type.create();
			var write = new Write<E>(Write.Action.CREATE, context, input, null);
			for (var field : type.fields().values()) {
				if (field.required() && input.get(field.name()) == null) {
					write.reject(UserError.Code.REQUIRED, field.name() + " is required", field.name());
				}
			}
			bind(type, entity, input, write);
			if (write.errors().isEmpty()) {
				type.rules().forEach(rule -> rule.check(entity, write));
			}
			if (!write.errors().isEmpty()) {
				return rollback(write.errors());
			}
			return save(type, entity, write, null);
		});
	}

	public <E extends BaseEntity> Outcome<E> update(WriteType<E> type, Map<String, Object> input, GraphQLContext context) {
		long key = GlobalId.decodeKey((String) input.get("id"), type.name(), "input.id");
		return updating(type, key, (Integer) input.get("version"), patch(input), context);
	}

	public <E extends BaseEntity> Outcome<E> delete(WriteType<E> type, Map<String, Object> input, GraphQLContext context) {
		long key = GlobalId.decodeKey((String) input.get("id"), type.name(), "input.id");
		return deleting(type, key, (Integer) input.get("version"), context);
	}

	/**
	 * Changes an object whatever its version now (a revert: the change to undo names the
	 * object, not a version the client read); still locked, bound and checked like any update.
	 */
	public <E extends BaseEntity> Outcome<E> updateCurrent(WriteType<E> type, long key, Map<String, Object> patch,
			GraphQLContext context) {
		return updating(type, key, ANY_VERSION, patch, context);
	}

	/** Deletes an object whatever its version now (a revert of its creation). */
	public <E extends BaseEntity> Outcome<E> deleteCurrent(WriteType<E> type, long key, GraphQLContext context) {
		return deleting(type, key, ANY_VERSION, context);
	}

	/**
	 * A domain action on one object (return a loan, resolve a conflict): the row is locked and
	 * its version compared as for an update, {@code action} changes it or rejects the write
	 * through {@link Write#reject}, and the result is saved, read back and logged like any
	 * update, its snapshot including the type's recorded fields.
	 */
	public <E extends BaseEntity> Outcome<E> act(WriteType<E> type, String id, int version, GraphQLContext context,
			WriteType.Rule<E> action) {
		long key = GlobalId.decodeKey(id, type.name(), "input.id");
		return guarded(type, Write.Action.UPDATE, () -> {
			var entity = locked(type, key, version, context);
			var before = snapshot(type, entity);
			var write = new Write<E>(Write.Action.UPDATE, context, Map.of(), before);
			action.check(entity, write);
			if (!write.errors().isEmpty()) {
				return rollback(write.errors());
			}
			return save(type, entity, write, before);
		});
	}

	/**
	 * A domain action on many objects, all or nothing in one transaction, as {@link #bulkUpdate}
	 * is: first every item is locked, its version compared and {@code check} run, and every
	 * problem found is reported under its item's index; only when there is none does
	 * {@code apply} change each item (its effects on other modules included), which is then
	 * saved and logged like an update. A refusal while applying (a constraint, a rule of
	 * another module's write) stops the write at that item.
	 */
	public <E extends BaseEntity> BulkOutcome<E> bulkAct(WriteType<E> type, List<Map<String, Object>> items,
			GraphQLContext context, WriteType.Rule<E> check, WriteType.Rule<E> apply) {
		var keys = keys(type, items);
		var at = new int[] { -1 };
		return bulk(type, Write.Action.UPDATE, at, () -> {
			var errors = new ArrayList<UserError>();
			var prepared = prepareEach(items.size(), at, errors, i -> {
				var entity = locked(type, keys.get(i), (Integer) items.get(i).get("version"), context);
				var before = snapshot(type, entity);
				var write = new Write<E>(Write.Action.UPDATE, context, Map.of(), before);
				check.check(entity, write);
				return new Prepared<>(entity, write, before, keys.get(i));
			});
			if (!errors.isEmpty()) {
				return new BulkOutcome<E>(List.of(), List.of(), errors);
			}
			var saved = new ArrayList<E>();
			for (int i = 0; i < prepared.size(); i++) {
				at[0] = i;
				var item = prepared.get(i);
				apply.check(item.entity(), item.write());
				if (item.write().refused()) {
					throw new Refused(item.write().errors().get(0));
				}
				saved.add(save(type, item.entity(), item.write(), item.before()).object());
			}
			return new BulkOutcome<E>(saved, List.of(), List.of());
		});
	}

	/**
	 * Stands for "whatever version the row has": never a client's, whose version the schema
	 * requires (Int!), so no input can skip the check.
	 */
	private static final Integer ANY_VERSION = null;

	private <E extends BaseEntity> Outcome<E> updating(WriteType<E> type, long key, Integer version,
			Map<String, Object> patch, GraphQLContext context) {
		return guarded(type, Write.Action.UPDATE, () -> {
			var prepared = prepareUpdate(type, key, version, patch, context);
			if (!prepared.write().errors().isEmpty()) {
				return rollback(prepared.write().errors());
			}
			return save(type, prepared.entity(), prepared.write(), prepared.before());
		});
	}

	private <E extends BaseEntity> Outcome<E> deleting(WriteType<E> type, long key, Integer version, GraphQLContext context) {
		return guarded(type, Write.Action.DELETE, () -> {
			var prepared = prepareDelete(type, key, version, context);
			if (!prepared.write().errors().isEmpty()) {
				return rollback(prepared.write().errors());
			}
			remove(type, prepared);
			return new Outcome<E>(null, key, List.of());
		});
	}

	/** The outcome of a bulk write: the objects written (or the keys deleted), or every error found, by item. */
	public record BulkOutcome<E>(List<E> objects, List<Long> deletedKeys, List<UserError> errors) {
	}

	/**
	 * One patch applied to many objects, all or nothing in one transaction. Each item is locked
	 * and checked (version, fields, rules) first, and every problem found is reported under
	 * its item's index ({@code ["input", "items", "3", "version"]}); only a write with none is
	 * saved, item by item, and a constraint the database refuses stops it at that item.
	 */
	public <E extends BaseEntity> BulkOutcome<E> bulkUpdate(WriteType<E> type, List<Map<String, Object>> items,
			Map<String, Object> patch, GraphQLContext context) {
		var keys = keys(type, items);
		var at = new int[] { -1 };
		return bulk(type, Write.Action.UPDATE, at, () -> {
			var errors = new ArrayList<UserError>();
			var prepared = prepareEach(items.size(), at, errors, i -> {
				var item = prepareUpdate(type, keys.get(i), (Integer) items.get(i).get("version"), patch, context);
				if (errors.isEmpty() && item.write().errors().isEmpty()) {
					// written now, so a constraint the database refuses is this item's
					entityManager.flush();
				}
				return item;
			});
			if (!errors.isEmpty()) {
				return new BulkOutcome<E>(List.of(), List.of(), errors);
			}
			var saved = new ArrayList<E>();
			for (int i = 0; i < prepared.size(); i++) {
				at[0] = i;
				var item = prepared.get(i);
				saved.add(save(type, item.entity(), item.write(), item.before()).object());
			}
			return new BulkOutcome<E>(saved, List.of(), List.of());
		});
	}

	/** Many deletes, all or nothing, with errors by item as {@link #bulkUpdate} reports them. */
	public <E extends BaseEntity> BulkOutcome<E> bulkDelete(WriteType<E> type, List<Map<String, Object>> items,
			GraphQLContext context) {
		var keys = keys(type, items);
		var at = new int[] { -1 };
		return bulk(type, Write.Action.DELETE, at, () -> {
			var errors = new ArrayList<UserError>();
			var prepared = prepareEach(items.size(), at, errors,
					i -> prepareDelete(type, keys.get(i), (Integer) items.get(i).get("version"), context));
			if (!errors.isEmpty()) {
				return new BulkOutcome<E>(List.of(), List.of(), errors);
			}
			for (int i = 0; i < prepared.size(); i++) {
				at[0] = i;
				remove(type, prepared.get(i));
			}
			return new BulkOutcome<E>(List.of(), keys, List.of());
		});
	}

	/** An object locked and checked for a write, with the write's findings and its data before. */
	private record Prepared<E>(E entity, Write<E> write, Map<String, Object> before, long key) {
	}

	/**
	 * The first step of every bulk write: each item prepared in turn ({@code at} names the one
	 * being prepared), every problem found added to {@code errors} under its item's index.
	 */
	private static <E> List<Prepared<E>> prepareEach(int count, int[] at, List<UserError> errors,
			IntFunction<Prepared<E>> prepare) {
		var prepared = new ArrayList<Prepared<E>>();
		for (int i = 0; i < count; i++) {
			at[0] = i;
			try {
				var item = prepare.apply(i);
				int index = i;
				item.write().errors().forEach(e -> errors.add(itemError(index, e)));
				prepared.add(item);
			}
			catch (Refused refused) {
				errors.add(itemError(i, refused.error));
			}
		}
		return prepared;
	}

	private <E extends BaseEntity> Prepared<E> prepareUpdate(WriteType<E> type, long key, Integer version,
			Map<String, Object> patch, GraphQLContext context) {
		var current = locked(type, key, version, context);
		var before = snapshot(type, current);
		var write = new Write<E>(Write.Action.UPDATE, context, patch, before);
		for (var name : patch.keySet()) {
			var field = type.fields().get(name);
			if (field != null && field.required() && patch.get(name) == null) {
				write.reject(UserError.Code.REQUIRED, name + " may not be cleared", name);
			}
		}
		bind(type, current, patch, write);
		if (write.errors().isEmpty()) {
			type.rules().forEach(rule -> rule.check(current, write));
		}
		return new Prepared<>(current, write, before, key);
	}

	private <E extends BaseEntity> Prepared<E> prepareDelete(WriteType<E> type, long key, Integer version,
			GraphQLContext context) {
		var current = locked(type, key, version, context);
		var before = snapshot(type, current);
		var write = new Write<E>(Write.Action.DELETE, context, Map.of(), before);
		type.deleteRules().forEach(rule -> rule.check(current, write));
		return new Prepared<>(current, write, before, key);
	}

	private <E extends BaseEntity> void remove(WriteType<E> type, Prepared<E> prepared) {
		var repr = type.repr(prepared.entity());
		entityManager.remove(prepared.entity());
		entityManager.flush();
		type.afterDeleteSteps().forEach(step -> step.check(prepared.entity(), prepared.write()));
		if (!prepared.write().errors().isEmpty()) {
			throw new Refused(prepared.write().errors().get(0));
		}
		logged(type.name(), prepared.key(), "DELETE", repr, prepared.before(), null, prepared.write().context());
	}

	/** An update input without its id and version: the fields to change. */
	private static Map<String, Object> patch(Map<String, Object> input) {
		var patch = new LinkedHashMap<>(input);
		patch.remove("id");
		patch.remove("version");
		return patch;
	}

	private static List<Long> keys(WriteType<?> type, List<Map<String, Object>> items) {
		if (items.size() > MAX_BULK) {
			throw new InvalidInputException("input.items", items.size() + " items are over the maximum of " + MAX_BULK);
		}
		var keys = new ArrayList<Long>(items.size());
		for (int i = 0; i < items.size(); i++) {
			keys.add(GlobalId.decodeKey((String) items.get(i).get("id"), type.name(), "input.items[" + i + "].id"));
		}
		if (new java.util.HashSet<>(keys).size() != keys.size()) {
			throw new InvalidInputException("input.items", "names an object more than once");
		}
		return keys;
	}

	/** At most this many items in one bulk write: one transaction holds a lock on each. */
	public static final int MAX_BULK = 500;

	/** The error of one item: its field path under {@code ["input", "items", "<index>"]}. */
	private static UserError itemError(int index, UserError error) {
		var path = new ArrayList<String>(List.of("input", "items", Integer.toString(index)));
		var field = error.field();
		path.addAll(field.isEmpty() ? List.of() : field.subList(1, field.size()));
		return new UserError(List.copyOf(path), error.message(), error.code());
	}

	/** Binds the named input fields, converting values and resolving references; problems go to {@code write}. */
	private <E extends BaseEntity> void bind(WriteType<E> type, E entity, Map<String, Object> input, Write<E> write) {
		for (var entry : input.entrySet()) {
			if (link(type, entry.getKey()) != null) {
				write.link(entry.getKey(), linkKeys(link(type, entry.getKey()), entry.getValue(), write));
				continue;
			}
			var field = type.fields().get(entry.getKey());
			if (field == null) {
				throw new IllegalStateException(type.name() + " has no writable field " + entry.getKey());
			}
			var raw = entry.getValue();
			if (raw == null) {
				if (!field.required()) {
					field.set().accept(entity, null);
				}
				continue;
			}
			if (field.isReference()) {
				long key = GlobalId.decodeKey((String) raw, field.target(), "input." + field.name());
				if (!visible(field.target(), key, write.context())) {
					write.reject(UserError.Code.NOT_FOUND, "No " + field.target() + " with id " + raw, field.name());
					continue;
				}
				field.set().accept(entity, key);
			}
			else if (field.required() && raw instanceof String text && text.isBlank()) {
				// a required text is a name or the like: blank is as good as missing
				write.reject(UserError.Code.REQUIRED, field.name() + " may not be blank", field.name());
			}
			else {
				field.set().accept(entity, convert(field, raw));
			}
		}
	}

	private <E extends BaseEntity> Outcome<E> save(WriteType<E> type, E entity, Write<E> write, Map<String, Object> before) {
		boolean created = entity.getId() == null;
		if (created) {
			entityManager.persist(entity);
		}
		entityManager.flush();
		for (var given : write.links().entrySet()) {
			var link = link(type, given.getKey());
			if (!link.reader().keys(entity.getId()).equals(given.getValue())) {
				link.replacer().replace(entity.getId(), given.getValue());
				if (!created) {
					// the object changed, so a client holding the old version must read it again
					entityManager.lock(entity, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
				}
			}
		}
		type.afterSaveSteps().forEach(step -> step.check(entity, write));
		if (!write.errors().isEmpty()) {
			throw new Refused(write.errors().get(0));
		}
		entityManager.flush();
		// read back what the database made of it: triggers normalise and derive (a blank asset
		// number becomes none, a host's ip follows its NICs), and the payload must show that
		entityManager.refresh(entity);
		var after = snapshot(type, entity);
		if (created || !after.equals(before)) {
			logged(type.name(), entity.getId(), created ? "CREATE" : "UPDATE", type.repr(entity), before, after,
					write.context());
		}
		return new Outcome<>(entity, null, List.of());
	}

	/** The row, locked, when the caller may see it and has read its current version; else the refusal. */
	private <E extends BaseEntity> E locked(WriteType<E> type, long key, Integer version, GraphQLContext context) {
		var entity = entityManager.find(type.entityClass(), key, LockModeType.PESSIMISTIC_WRITE);
		if (entity == null || !visible(type.name(), key, context)) {
			throw new Refused(UserError.of(UserError.Code.NOT_FOUND, "No " + type.name() + " with this id", "input", "id"));
		}
		if (version != null && entity.getVersion() != version) {
			throw new Refused(UserError.of(UserError.Code.STALE_VERSION,
					"The " + type.name() + " changed since you read it (now version " + entity.getVersion() + ")", "input",
					"version"));
		}
		return entity;
	}

	/** Ends a write early with its error; the transaction rolls back. */
	private static final class Refused extends RuntimeException {

		private final transient UserError error;

		Refused(UserError error) {
			super(error.message(), null, false, false);
			this.error = error;
		}
	}

	private boolean visible(String typeName, long key, GraphQLContext context) {
		return reads.visible(types.get(typeName), key, context);
	}

	private void logged(String type, long key, String action, String repr, Map<String, Object> before,
			Map<String, Object> after, GraphQLContext context) {
		var actor = actors.of(context);
		events.publishEvent(new ObjectChanged(type, key, action, repr, before, after, actor.id(), actor.name()));
	}

	/**
	 * The object's data as the change log keeps it: every writable and recorded field,
	 * references as global ids.
	 */
	public <E extends BaseEntity> Map<String, Object> snapshot(WriteType<E> type, E entity) {
		var data = new LinkedHashMap<String, Object>();
		for (var field : type.fields().values()) {
			Object value = field.get().apply(entity);
			data.put(field.name(), value != null && field.isReference() ? GlobalId.encode(field.target(), (Long) value)
					: plain(value));
		}
		type.recordedFields().forEach((name, get) -> data.put(name, plain(get.apply(entity))));
		for (var link : links.of(type.name())) {
			data.put(link.field(), entity.getId() == null ? List.of()
					: link.reader().keys(entity.getId()).stream().map(key -> GlobalId.encode(link.target(), key)).toList());
		}
		return data;
	}

	private WriteLink link(WriteType<?> type, String field) {
		for (var link : links.of(type.name())) {
			if (link.field().equals(field)) {
				return link;
			}
		}
		return null;
	}

	/** A link's ids as keys, each once, in key order; one that is not found is reported on the field. */
	@SuppressWarnings("unchecked")
	private List<Long> linkKeys(WriteLink link, Object raw, Write<?> write) {
		var keys = new java.util.TreeSet<Long>();
		for (var id : raw == null ? List.<String>of() : (List<String>) raw) {
			long key = GlobalId.decodeKey(id, link.target(), "input." + link.field());
			if (!visible(link.target(), key, write.context())) {
				write.reject(UserError.Code.NOT_FOUND, "No " + link.target() + " with id " + id, link.field());
			}
			keys.add(key);
		}
		return List.copyOf(keys);
	}

	/** A value as JSON keeps it. */
	private static Object plain(Object value) {
		if (value instanceof Enum<?> e) {
			return e.name();
		}
		if (value instanceof OffsetDateTime time) {
			return time.toString();
		}
		return value;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object convert(WriteType.Field<?> field, Object raw) {
		var type = field.type();
		if (type.isEnum() && raw instanceof String name) {
			return Enum.valueOf((Class) type, name);
		}
		if (type == Long.class && raw instanceof Number n) {
			return n.longValue();
		}
		if (type == Integer.class && raw instanceof Number n) {
			return n.intValue();
		}
		if (type == OffsetDateTime.class && raw instanceof String text) {
			// a snapshot's timestamp, restored by a revert
			return OffsetDateTime.parse(text);
		}
		return raw;
	}

	/** Runs a write in its own transaction; a refused constraint becomes the UserError it means. */
	private <E extends BaseEntity> Outcome<E> guarded(WriteType<E> type, Write.Action action, Work<E> work) {
		try {
			return transactions.execute(status -> {
				var outcome = work.run();
				if (!outcome.errors().isEmpty()) {
					status.setRollbackOnly();
				}
				return outcome;
			});
		}
		catch (Refused refused) {
			return Outcome.refused(List.of(refused.error));
		}
		catch (RuntimeException ex) {
			var error = violation(type, action, ex);
			if (error == null) {
				throw ex;
			}
			return Outcome.refused(List.of(error));
		}
	}

	/** Runs a bulk write in one transaction; a refused constraint is reported at the item being saved. */
	private <E extends BaseEntity> BulkOutcome<E> bulk(WriteType<E> type, Write.Action action, int[] at,
			java.util.function.Supplier<BulkOutcome<E>> work) {
		try {
			return transactions.execute(status -> {
				// only the explicit flushes write, item by item: a query must not flush an item early
				entityManager.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
				var outcome = work.get();
				if (!outcome.errors().isEmpty()) {
					status.setRollbackOnly();
				}
				return outcome;
			});
		}
		catch (Refused refused) {
			return new BulkOutcome<>(List.of(), List.of(), List.of(itemError(Math.max(at[0], 0), refused.error)));
		}
		catch (RuntimeException ex) {
			var error = violation(type, action, ex);
			if (error == null) {
				throw ex;
			}
			return new BulkOutcome<>(List.of(), List.of(), List.of(itemError(Math.max(at[0], 0), error)));
		}
	}

	@FunctionalInterface
	private interface Work<E> {
		Outcome<E> run();
	}

	/** The refusal as the rule it stands for, or null for a failure that is no constraint's. */
	static UserError violation(WriteType<?> type, Write.Action action, Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
				var message = psql.getServerErrorMessage();
				var constraint = message.getConstraint();
				var declared = constraint == null ? null : type.violations().get(constraint);
				if (declared != null && action != Write.Action.DELETE) {
					return declared;
				}
				return switch (String.valueOf(psql.getSQLState())) {
					case FOREIGN_KEY -> action == Write.Action.DELETE
							? UserError.of(UserError.Code.REFERENCED, "This " + type.name() + " is still referenced by "
									+ message.getTable() + " rows; remove or move those first", "input", "id")
							: UserError.of(UserError.Code.NOT_FOUND, "A referenced object no longer exists", "input",
									referenceField(type, constraint));
					case UNIQUE -> UserError.of(UserError.Code.NOT_UNIQUE, "Another " + type.name() + " has the same values ("
							+ constraint + ")", "input");
					case CHECK, NOT_NULL -> UserError.of(UserError.Code.INVALID, "The " + type.name() + " breaks the rule "
							+ constraint, "input");
					case EXCLUSION -> UserError.of(UserError.Code.OVERLAP, "The " + type.name() + " overlaps another ("
							+ constraint + ")", "input");
					default -> null;
				};
			}
		}
		return null;
	}

	/** The reference whose column a foreign key constraint is named after ({@code rack_lab_id_fkey}: lab). */
	private static String referenceField(WriteType<?> type, String constraint) {
		for (var field : type.fields().values()) {
			var column = field.name().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase() + "_id";
			if (field.isReference() && constraint != null && constraint.contains("_" + column + "_")) {
				return field.name();
			}
		}
		return "id";
	}

	private static <E> Outcome<E> rollback(List<UserError> errors) {
		return Outcome.refused(errors);
	}
}

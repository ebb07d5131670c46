package io.cores.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import graphql.GraphQLContext;
import org.springframework.stereotype.Service;

import io.cores.platform.graphql.UserError;
import io.cores.platform.graphql.write.WriteType;
import io.cores.platform.graphql.write.Writes;
import io.cores.platform.persistence.BaseEntity;

/**
 * Undoes a change through the generic write path, so the object's own rules decide whether
 * the old state may come back, and the undoing is logged like any write. An UPDATE is undone
 * for the fields it changed only (later changes to other fields stay); a CREATE by deleting
 * the object; a DELETE by creating it again from the snapshot (under a new id).
 */
@Service
public class Reverts {

	private final Map<String, WriteType<?>> writable = new LinkedHashMap<>();
	private final Writes writes;

	Reverts(List<WriteType<?>> writable, Writes writes) {
		writable.forEach(type -> this.writable.put(type.name(), type));
		this.writes = writes;
	}

	/** The written type of a change's object, or null for one the generic path does not write (tokens). */
	public WriteType<?> typeOf(ObjectChange change) {
		return writable.get(change.getObjectType());
	}

	@SuppressWarnings("unchecked")
	public <E extends BaseEntity> Writes.Outcome<E> revert(ObjectChange change, GraphQLContext context) {
		var type = (WriteType<E>) typeOf(change);
		if (type == null) {
			return new Writes.Outcome<>(null, null, List.of(UserError.of(UserError.Code.INVALID,
					"Changes of a " + change.getObjectType() + " cannot be reverted", "input", "id")));
		}
		var before = (Map<String, Object>) change.getDataBefore();
		var after = (Map<String, Object>) change.getDataAfter();
		return switch (change.getAction()) {
			case UPDATE -> {
				var patch = changedBack(type, before, after);
				if (patch.isEmpty()) {
					// e.g. a host's status or a loan's return: set by an action with rules of its own
					yield new Writes.Outcome<>(null, null, List.of(UserError.of(UserError.Code.INVALID,
							"This change set only fields that no input writes (" + String.join(", ", changedFields(before, after))
									+ "); undo it with the action that sets them",
							"input", "id")));
				}
				yield writes.updateCurrent(type, change.getObjectKey(), patch, context);
			}
			case CREATE -> writes.deleteCurrent(type, change.getObjectKey(), context);
			case DELETE -> writes.create(type, present(type, before), context);
		};
	}

	/** The fields an update changed, with the values they had before it. */
	private static Map<String, Object> changedBack(WriteType<?> type, Map<String, Object> before, Map<String, Object> after) {
		var patch = new LinkedHashMap<String, Object>();
		for (var field : type.fields().keySet()) {
			if (before.containsKey(field) && !Objects.equals(before.get(field), after.get(field))) {
				patch.put(field, before.get(field));
			}
		}
		return patch;
	}

	private static List<String> changedFields(Map<String, Object> before, Map<String, Object> after) {
		var fields = new java.util.TreeSet<String>(before.keySet());
		fields.addAll(after.keySet());
		fields.removeIf(field -> Objects.equals(before.get(field), after.get(field)));
		return List.copyOf(fields);
	}

	/** A deleted object's snapshot as a create input: the declared fields that had a value. */
	private static Map<String, Object> present(WriteType<?> type, Map<String, Object> snapshot) {
		var input = new LinkedHashMap<String, Object>();
		for (var field : type.fields().keySet()) {
			if (snapshot.get(field) != null) {
				input.put(field, snapshot.get(field));
			}
		}
		return input;
	}
}

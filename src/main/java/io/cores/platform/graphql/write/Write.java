package io.cores.platform.graphql.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;

import io.cores.platform.graphql.UserError;

/**
 * One write in progress, as the entity's rules see it: what is done, by whom (the request's
 * context), which fields the input named, the object's data before, and where to report a
 * broken rule. A rule that rejects leaves the write unsaved.
 */
public final class Write<E> {

	/** What the mutation does. */
	public enum Action {
		CREATE, UPDATE, DELETE
	}

	private final Action action;
	private final GraphQLContext context;
	private final Map<String, Object> input;
	private final Map<String, Object> before;
	private final List<UserError> errors = new ArrayList<>();
	private final Map<String, List<Long>> links = new java.util.LinkedHashMap<>();

	Write(Action action, GraphQLContext context, Map<String, Object> input, Map<String, Object> before) {
		this.action = action;
		this.context = context;
		this.input = input;
		this.before = before;
	}

	public Action action() {
		return action;
	}

	public GraphQLContext context() {
		return context;
	}

	/** Whether the input named this field (on create, every field given; on update, those to change). */
	public boolean gives(String field) {
		return input.containsKey(field);
	}

	/** The value the input gives for a field, as the client sent it (a reference as its global id). */
	public Object input(String field) {
		return input.get(field);
	}

	/** The object's data before the write, as the change log keeps it; null on create. */
	public Map<String, Object> before() {
		return before;
	}

	/** Refuses the write: nothing is saved and the client gets this error on the input field. */
	public void reject(UserError.Code code, String message, String field) {
		errors.add(field == null ? UserError.of(code, message, "input") : UserError.of(code, message, "input", field));
	}

	List<UserError> errors() {
		return errors;
	}

	/** Whether a rule has rejected the write so far. */
	public boolean refused() {
		return !errors.isEmpty();
	}

	/** The link sets the input gives (field → target keys), replaced once the object is saved. */
	void link(String field, List<Long> keys) {
		links.put(field, keys);
	}

	Map<String, List<Long>> links() {
		return links;
	}
}

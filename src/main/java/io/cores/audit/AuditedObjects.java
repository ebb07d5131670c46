package io.cores.audit;

import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import io.cores.platform.graphql.ConnectionQueries;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.cores.identity.Caller;
import io.cores.platform.audit.ObjectChanged;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.NodeTypes;
import io.cores.platform.graphql.UserError;

/**
 * The objects journal entries and tags attach to, as the other modules' node types declare
 * them: found by global id and seen only as far as the caller may see them (reading, never
 * writing, other modules' rows). A tag or journal change is logged on its object, so it
 * shows in the object's {@code changes} and is seen by exactly who sees the object.
 */
@Component
class AuditedObjects {

	private final NodeTypes types;
	private final ConnectionQueries reads;
	private final JdbcTemplate jdbc;
	private final ApplicationEventPublisher events;

	AuditedObjects(NodeTypes types, ConnectionQueries reads, JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.types = types;
		this.reads = reads;
		this.jdbc = jdbc;
		this.events = events;
	}

	/** An object of one of {@code allowed} the caller can see, or the error on {@code input.<field>}. */
	Found find(String id, List<String> allowed, String what, String field, GraphQLContext context) {
		var object = GlobalId.decode(id, "input." + field);
		if (!allowed.contains(object.type())) {
			return new Found(null, UserError.of(UserError.Code.INVALID, "A " + object.type() + " " + what, "input", field));
		}
		if (!reads.visible(types.get(object.type()), object.key(), context)) {
			return new Found(null, UserError.of(UserError.Code.NOT_FOUND, "No " + object.type() + " with this id", "input", field));
		}
		return new Found(object, null);
	}

	record Found(GlobalId object, UserError error) {
	}

	/** One change-log record on the object; named as its last record named it, for the object's module knows its name. */
	void logged(GlobalId object, Map<String, Object> before, Map<String, Object> after, GraphQLContext context) {
		var names = jdbc.queryForList("""
				SELECT object_repr FROM object_change WHERE object_type = ? AND object_id = ? ORDER BY id DESC LIMIT 1""",
				String.class, object.type(), object.key());
		var repr = names.isEmpty() ? object.type() + " " + object.key() : names.get(0);
		var caller = Caller.of(context);
		events.publishEvent(new ObjectChanged(object.type(), object.key(), "UPDATE", repr, before, after, caller.userId(),
				caller.username()));
	}
}

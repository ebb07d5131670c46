package io.cores.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.cores.platform.audit.ObjectChanged;
import io.cores.platform.audit.ObjectsChanged;
import io.cores.platform.persistence.Json;
import io.cores.platform.request.RequestId;

/**
 * Writes the change log. Listens synchronously, inside the transaction that made the change,
 * so the record commits or rolls back with it. All records of one request share its request id.
 * Many changes published together are written as one JDBC batch.
 */
@Component
class ChangeLog {

	private final JdbcTemplate jdbc;

	ChangeLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	private static final String INSERT = """
			INSERT INTO object_change (user_id, user_name, request_id, action, object_type, object_id, object_repr,
			                           data_before, data_after)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""";

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ObjectChanged change) {
		jdbc.update(INSERT, values(change));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ObjectsChanged changes) {
		if (!changes.changes().isEmpty()) {
			jdbc.batchUpdate(INSERT, changes.changes().stream().map(ChangeLog::values).toList());
		}
	}

	private static Object[] values(ObjectChanged change) {
		return new Object[] { change.actorId(), change.actorName(), RequestId.current(), change.action(),
				change.objectType(), change.objectId(), change.repr(), Json.write(change.before()),
				Json.write(change.after()) };
	}
}

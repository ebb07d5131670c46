package io.cores.audit.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.querydsl.core.types.Predicate;
import com.querydsl.core.types.dsl.ComparablePath;
import io.cores.audit.QObjectChange;
import io.cores.platform.graphql.FilterCompiler;
import io.cores.platform.graphql.FilterField;
import io.cores.platform.graphql.InvalidInputException;
import io.cores.platform.graphql.ScalarKind;

/**
 * {@code requestId: RequestIdFilter}: the column is a uuid, shown as a String, so the
 * strings are parsed here and compared as uuids; only the equality operators make sense.
 */
final class RequestIdFilter implements FilterField.Custom<QObjectChange> {

	@Override
	@SuppressWarnings("unchecked")
	public Predicate compile(QObjectChange alias, Object value, FilterCompiler compiler, String argument) {
		var ops = new LinkedHashMap<String, Object>();
		for (var op : ((Map<String, Object>) value).entrySet()) {
			var raw = op.getValue();
			var at = argument + "." + op.getKey();
			if (raw instanceof String s) {
				ops.put(op.getKey(), uuid(s, at));
			}
			else if (raw instanceof Collection<?> list) {
				var uuids = new ArrayList<>();
				for (var item : list) {
					uuids.add(uuid((String) item, at));
				}
				ops.put(op.getKey(), uuids);
			}
			else {
				ops.put(op.getKey(), raw);
			}
		}
		ComparablePath<UUID> path = alias.requestId;
		// STRING passes constants through unchanged; the input type offers only its equality operators
		return compiler.scalar(ScalarKind.STRING, path, ops, null, "ObjectChange", argument);
	}

	private static UUID uuid(String text, String at) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(at, "'" + text + "' is not a request id");
		}
	}
}

package io.cores.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cores.identity.Caller;
import io.cores.identity.Role;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.UserError;
import io.cores.platform.graphql.access.AccessDenied;

/**
 * Writing journal entries: on any audited object the caller can see, by the caller as
 * author; changed or deleted only by their author or an admin. An entry the caller cannot
 * see (its object hidden from them) is "not found". Each write is one change-log record on
 * the object, holding the entry before and after.
 */
@Service
public class JournalManagement {

	public record Written(JournalEntry entry, List<UserError> errors) {

		static Written refused(UserError error) {
			return new Written(null, List.of(error));
		}
	}

	private final JournalEntryRepository entries;
	private final AuditedObjects objects;

	JournalManagement(JournalEntryRepository entries, AuditedObjects objects) {
		this.entries = entries;
		this.objects = objects;
	}

	@Transactional
	public Written create(String objectId, JournalKind kind, String comments, GraphQLContext context) {
		var found = objects.find(objectId, AuditedTypes.AUDITED, "has no journal", "object", context);
		if (found.error() != null) {
			return Written.refused(found.error());
		}
		if (comments == null || comments.isBlank()) {
			return Written.refused(UserError.of(UserError.Code.REQUIRED, "comments may not be blank", "input", "comments"));
		}
		var object = found.object();
		var entry = entries.saveAndFlush(new JournalEntry(object.type(), object.key(), Caller.of(context).userId(),
				kind == null ? JournalKind.INFO : kind, comments));
		objects.logged(object, null, described(entry), context);
		return new Written(entry, List.of());
	}

	/** A partial update: a kind or comments left out stay as they are. */
	@Transactional
	public Written update(String id, int version, JournalKind kind, String comments, boolean givesComments,
			GraphQLContext context) {
		var entry = writable(id, context);
		if (entry == null) {
			return Written.refused(notFound());
		}
		if (entry.getVersion() != version) {
			return Written.refused(stale(entry));
		}
		if (givesComments && (comments == null || comments.isBlank())) {
			return Written.refused(UserError.of(UserError.Code.REQUIRED, "comments may not be blank", "input", "comments"));
		}
		var before = described(entry);
		if (kind != null) {
			entry.setKind(kind);
		}
		if (givesComments) {
			entry.setComments(comments);
		}
		entries.saveAndFlush(entry);
		var after = described(entry);
		if (!after.equals(before)) {
			objects.logged(objectOf(entry), before, after, context);
		}
		return new Written(entry, List.of());
	}

	@Transactional
	public List<UserError> delete(String id, int version, GraphQLContext context) {
		var entry = writable(id, context);
		if (entry == null) {
			return List.of(notFound());
		}
		if (entry.getVersion() != version) {
			return List.of(stale(entry));
		}
		objects.logged(objectOf(entry), described(entry), null, context);
		entries.delete(entry);
		entries.flush();
		return List.of();
	}

	/** The entry, locked, if the caller sees its object; refused unless the caller wrote it or is an admin. */
	private JournalEntry writable(String id, GraphQLContext context) {
		var entry = entries.findLockedById(GlobalId.decodeKey(id, "JournalEntry", "input.id")).orElse(null);
		if (entry == null || objects.find(entry.getObjectId(), AuditedTypes.AUDITED, "has no journal", "id", context).error() != null) {
			return null;
		}
		var caller = Caller.of(context);
		if (!caller.has(Role.ADMIN) && !caller.userId().equals(entry.getAuthorId())) {
			throw AccessDenied.forbidden("Only its author or an admin changes a journal entry");
		}
		return entry;
	}

	private static GlobalId objectOf(JournalEntry entry) {
		return new GlobalId(entry.getObjectType(), entry.getObjectKey());
	}

	/** What the object's change log keeps of the entry. */
	private static Map<String, Object> described(JournalEntry entry) {
		var data = new LinkedHashMap<String, Object>();
		data.put("id", GlobalId.encode("JournalEntry", entry.getId()));
		data.put("kind", entry.getKind().name());
		data.put("comments", entry.getComments());
		return Map.of("journalEntry", data);
	}

	private static UserError notFound() {
		return UserError.of(UserError.Code.NOT_FOUND, "No such journal entry", "input", "id");
	}

	private static UserError stale(JournalEntry entry) {
		return UserError.of(UserError.Code.STALE_VERSION,
				"The journal entry changed since you read it (now version " + entry.getVersion() + ")", "input", "version");
	}
}

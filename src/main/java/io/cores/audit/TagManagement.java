package io.cores.audit;

import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.UserError;

/**
 * Putting tags on objects and taking them off. Only the taggable types take tags (the check
 * on tagged_item allows exactly those); a tag is on an object once. Each change is one
 * change-log record on the object, with its tags before and after.
 */
@Service
public class TagManagement {

	/** A second tagging of one object with one tag; also what tagged_item_key means to a racing writer. */
	public static final UserError ALREADY_TAGGED = UserError.of(UserError.Code.NOT_UNIQUE, "The object has this tag already",
			"input", "tag");

	public record Tagged(Tag tag, List<UserError> errors) {

		static Tagged refused(UserError error) {
			return new Tagged(null, List.of(error));
		}
	}

	private final TagRepository tags;
	private final AuditedObjects objects;
	private final JdbcTemplate jdbc;

	TagManagement(TagRepository tags, AuditedObjects objects, JdbcTemplate jdbc) {
		this.tags = tags;
		this.objects = objects;
		this.jdbc = jdbc;
	}

	@Transactional
	public Tagged tag(String tagId, String objectId, GraphQLContext context) {
		return change(tagId, objectId, context, true);
	}

	@Transactional
	public Tagged untag(String tagId, String objectId, GraphQLContext context) {
		return change(tagId, objectId, context, false);
	}

	private Tagged change(String tagId, String objectId, GraphQLContext context, boolean on) {
		var tag = tags.findById(GlobalId.decodeKey(tagId, "Tag", "input.tag")).orElse(null);
		if (tag == null) {
			return Tagged.refused(UserError.of(UserError.Code.NOT_FOUND, "No such tag", "input", "tag"));
		}
		var found = objects.find(objectId, AuditedTypes.TAGGABLE, "cannot be tagged", "object", context);
		if (found.error() != null) {
			return Tagged.refused(found.error());
		}
		var object = found.object();
		var before = tagsOf(object);
		boolean has = before.contains(GlobalId.encode("Tag", tag.getId()));
		if (on && has) {
			return Tagged.refused(ALREADY_TAGGED);
		}
		if (!on && !has) {
			return Tagged.refused(UserError.of(UserError.Code.NOT_FOUND, "The object does not have this tag", "input", "tag"));
		}
		if (on) {
			jdbc.update("INSERT INTO tagged_item (tag_id, object_type, object_id) VALUES (?, ?, ?)", tag.getId(), object.type(),
					object.key());
		}
		else {
			jdbc.update("DELETE FROM tagged_item WHERE tag_id = ? AND object_type = ? AND object_id = ?", tag.getId(),
					object.type(), object.key());
		}
		objects.logged(object, Map.of("tags", before), Map.of("tags", tagsOf(object)), context);
		return new Tagged(tag, List.of());
	}

	/** The tags of an object, as keys in key order: what a {@code tags} input replaces. */
	public List<Long> tagKeys(String type, long key) {
		return jdbc.queryForList("SELECT tag_id FROM tagged_item WHERE object_type = ? AND object_id = ? ORDER BY tag_id",
				Long.class, type, key);
	}

	/** Makes the object's tags exactly these (the write path has checked they exist). */
	public void replaceTags(String type, long key, List<Long> tagKeys) {
		var keys = tagKeys.toArray(Long[]::new);
		jdbc.update("DELETE FROM tagged_item WHERE object_type = ? AND object_id = ? AND NOT (tag_id = ANY (?))", type, key, keys);
		jdbc.update("""
				INSERT INTO tagged_item (tag_id, object_type, object_id) SELECT tag, ?, ? FROM unnest(?::bigint[]) tag
				ON CONFLICT DO NOTHING""", type, key, keys);
	}

	/** The object's tags as global ids, in key order. */
	private List<String> tagsOf(GlobalId object) {
		return jdbc.queryForList("SELECT tag_id FROM tagged_item WHERE object_type = ? AND object_id = ? ORDER BY tag_id",
				Long.class, object.type(), object.key()).stream().map(key -> GlobalId.encode("Tag", key)).toList();
	}
}

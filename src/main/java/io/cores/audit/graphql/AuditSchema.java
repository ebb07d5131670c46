package io.cores.audit.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.cores.audit.AuditedTypes;
import io.cores.audit.ChangeAction;
import io.cores.audit.JournalEntry;
import io.cores.audit.JournalKind;
import io.cores.audit.ObjectChange;
import io.cores.audit.QJournalEntry;
import io.cores.audit.QObjectChange;
import io.cores.audit.QTag;
import io.cores.audit.QTaggedItem;
import io.cores.audit.Tag;
import io.cores.platform.graphql.NodeType;
import io.cores.platform.graphql.Relation;
import io.cores.platform.graphql.RelationSet;
import io.cores.platform.graphql.ScalarKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit module's node types, and the {@code changes}, {@code journal} and {@code tags}
 * fields it attaches to the other modules' types (schema/audit.graphqls). Records name their
 * object by its node type's name, which is also the type name in its global id.
 */
@Configuration(proxyBeanMethods = false)
class AuditSchema {

	static final List<String> AUDITED = AuditedTypes.AUDITED;

	static final List<String> TAGGABLE = AuditedTypes.TAGGABLE;

	@Bean
	NodeType<ObjectChange, QObjectChange> objectChangeType() {
		return NodeType.of("ObjectChange", ObjectChange.class, QObjectChange::new)
			.pointsAt(q -> q.objectType, q -> q.objectId)
			.sortable("userName", "USER_NAME", ScalarKind.STRING, q -> q.userName)
			.custom("requestId", new RequestIdFilter())
			.enumeration("action", ChangeAction.class, q -> q.action)
			.order("ACTION", q -> q.action)
			.sortable("objectType", "OBJECT_TYPE", ScalarKind.STRING, q -> q.objectType)
			.custom("objectId", new ObjectIdFilter<QObjectChange>(q -> q.objectType, q -> q.objectId))
			.scalar("objectRepr", ScalarKind.STRING, q -> q.objectRepr);
	}

	@Bean
	NodeType<JournalEntry, QJournalEntry> journalEntryType() {
		return NodeType.of("JournalEntry", JournalEntry.class, QJournalEntry::new)
			.plural("journalEntries")
			.pointsAt(q -> q.objectType, q -> q.objectId)
			.sortable("objectType", "OBJECT_TYPE", ScalarKind.STRING, q -> q.objectType)
			.custom("objectId", new ObjectIdFilter<QJournalEntry>(q -> q.objectType, q -> q.objectId))
			.enumeration("kind", JournalKind.class, q -> q.kind)
			.order("KIND", q -> q.kind)
			.scalar("comments", ScalarKind.STRING, q -> q.comments);
	}

	@Bean
	NodeType<Tag, QTag> tagType() {
		return NodeType.of("Tag", Tag.class, QTag::new)
			.sortable("name", "NAME", ScalarKind.STRING, q -> q.name)
			.sortable("slug", "SLUG", ScalarKind.STRING, q -> q.slug)
			.scalar("color", ScalarKind.STRING, q -> q.color)
			.scalar("description", ScalarKind.STRING, q -> q.description);
	}

	@Bean
	Relation objectChangeUserRelation() {
		return Relation.toOne("ObjectChange", "user", "User", ObjectChange::getUserId, (QObjectChange c) -> c.userId);
	}

	@Bean
	Relation journalEntryAuthorRelation() {
		return Relation.toOne("JournalEntry", "author", "User", JournalEntry::getAuthorId,
				(QJournalEntry j) -> j.authorId);
	}

	/** {@code Host.changes} and the like: the records whose object is the owner. */
	@Bean
	RelationSet auditChangesRelations() {
		return forEach(AUDITED, type -> Relation.many(type, "changes", "ObjectChange", (QObjectChange c) -> c.objectId,
				c -> c.objectType.eq(type)));
	}

	/** {@code Host.journal} and the like. */
	@Bean
	RelationSet auditJournalRelations() {
		return forEach(AUDITED, type -> Relation.many(type, "journal", "JournalEntry", (QJournalEntry j) -> j.objectId,
				j -> j.objectType.eq(type)));
	}

	/** {@code Host.tags} and the like. */
	@Bean
	RelationSet auditTagsRelations() {
		return forEach(TAGGABLE, type -> Relation.link(type, "tags", "Tag", QTaggedItem::new,
				(QTaggedItem t) -> t.objectId, t -> t.tagId, t -> t.objectType.eq(type)));
	}

	/** {@code Tag.hosts}, {@code Tag.nics}, ...: the tagged objects of each type. */
	@Bean
	RelationSet tagObjectsRelations() {
		return forEach(TAGGABLE, type -> Relation.link("Tag", lowerCamel(type) + "s", type, QTaggedItem::new,
				(QTaggedItem t) -> t.tagId, t -> t.objectId, t -> t.objectType.eq(type)));
	}

	private static RelationSet forEach(List<String> types, Function<String, Relation> relation) {
		var relations = new ArrayList<Relation>(types.size());
		for (var type : types) {
			relations.add(relation.apply(type));
		}
		return new RelationSet(List.copyOf(relations));
	}

	private static String lowerCamel(String type) {
		return Character.toLowerCase(type.charAt(0)) + type.substring(1);
	}
}

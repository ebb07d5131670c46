package io.cores.audit.graphql;

import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.cores.audit.JournalEntry;
import io.cores.audit.JournalKind;
import io.cores.audit.JournalManagement;
import io.cores.audit.Tag;
import io.cores.audit.TagManagement;
import io.cores.identity.Access;
import io.cores.identity.Role;
import io.cores.platform.graphql.UserError;
import io.cores.platform.graphql.access.Guard;
import io.cores.platform.graphql.write.ConstraintError;

/**
 * Tagging and the journal; the rules are in {@link TagManagement} and {@link JournalManagement}.
 * STAFF tag the inventory they keep and write journal entries (SPEC.md: STAFF write the
 * inventory); who may change an entry beyond that (its author, an admin) the service checks.
 */
@Controller
class AuditMutations {

	record TagObjectInput(String tag, String object) {
	}

	record TagObjectPayload(Tag tag, List<UserError> errors) {
	}

	record UntagObjectPayload(Tag tag, List<UserError> errors) {
	}

	record CreateJournalEntryInput(String object, JournalKind kind, String comments) {
	}

	record JournalEntryPayload(JournalEntry journalEntry, List<UserError> errors) {
	}

	record DeleteJournalEntryPayload(String deletedId, List<UserError> errors) {
	}

	private final TagManagement tagging;
	private final JournalManagement journal;

	AuditMutations(TagManagement tagging, JournalManagement journal) {
		this.tagging = tagging;
		this.journal = journal;
	}

	@MutationMapping
	TagObjectPayload tagObject(@Argument TagObjectInput input, GraphQLContext context) {
		var tagged = tagging.tag(input.tag(), input.object(), context);
		return new TagObjectPayload(tagged.tag(), tagged.errors());
	}

	@MutationMapping
	UntagObjectPayload untagObject(@Argument TagObjectInput input, GraphQLContext context) {
		var tagged = tagging.untag(input.tag(), input.object(), context);
		return new UntagObjectPayload(tagged.tag(), tagged.errors());
	}

	@MutationMapping
	JournalEntryPayload createJournalEntry(@Argument CreateJournalEntryInput input, GraphQLContext context) {
		var written = journal.create(input.object(), input.kind(), input.comments(), context);
		return new JournalEntryPayload(written.entry(), written.errors());
	}

	@MutationMapping
	JournalEntryPayload updateJournalEntry(@Argument Map<String, Object> input, GraphQLContext context) {
		var kind = input.get("kind") == null ? null : JournalKind.valueOf((String) input.get("kind"));
		var written = journal.update((String) input.get("id"), (Integer) input.get("version"), kind,
				(String) input.get("comments"), input.containsKey("comments"), context);
		return new JournalEntryPayload(written.entry(), written.errors());
	}

	@MutationMapping
	DeleteJournalEntryPayload deleteJournalEntry(@Argument Map<String, Object> input, GraphQLContext context) {
		var errors = journal.delete((String) input.get("id"), (Integer) input.get("version"), context);
		return new DeleteJournalEntryPayload(errors.isEmpty() ? (String) input.get("id") : null, errors);
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class Guards {

		@Bean
		Guard tagObjectAccess() {
			return Guard.field("Mutation", "tagObject", Access.role(Role.STAFF));
		}

		@Bean
		Guard untagObjectAccess() {
			return Guard.field("Mutation", "untagObject", Access.role(Role.STAFF));
		}

		@Bean
		Guard createJournalEntryAccess() {
			return Guard.field("Mutation", "createJournalEntry", Access.role(Role.STAFF));
		}

		@Bean
		Guard updateJournalEntryAccess() {
			return Guard.field("Mutation", "updateJournalEntry", Access.role(Role.STAFF));
		}

		@Bean
		Guard deleteJournalEntryAccess() {
			return Guard.field("Mutation", "deleteJournalEntry", Access.role(Role.STAFF));
		}

		@Bean
		ConstraintError alreadyTagged() {
			return new ConstraintError("tagged_item_key", TagManagement.ALREADY_TAGGED);
		}
	}
}

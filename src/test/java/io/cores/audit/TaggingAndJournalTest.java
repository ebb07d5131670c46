package io.cores.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.platform.persistence.Json;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Tagging the taggable types, and journal entries kept by their authors; each change logged on its object. */
@SuppressWarnings("unchecked")
class TaggingAndJournalTest extends ApiTest {

	private String staff;

	@BeforeEach
	void writer() {
		staff = "Token " + data().tokenFor("staff", "STAFF");
	}

	@Test
	void taggingAHostShowsOnItAndIsLoggedOnItOnce() {
		long tag = data().tag("gpu");
		long host = data().host("tagged", null, "ACTIVE");
		var payload = tagging("tagObject", tag, GlobalId.encode("Host", host));
		assertThat(errors(payload)).isEmpty();
		graphQl().document("{ host(id: \"" + GlobalId.encode("Host", host) + "\") { tags { nodes { id } } } }").execute()
			.path("host.tags.nodes[*].id").entityList(String.class).containsExactly(GlobalId.encode("Tag", tag));
		var record = jdbc.queryForMap("SELECT data_before::text AS before, data_after::text AS after FROM object_change "
				+ "WHERE object_type = 'Host' AND object_id = ?", host);
		assertThat(Json.parse((String) record.get("before"))).isEqualTo(Map.of("tags", List.of()));
		assertThat(Json.parse((String) record.get("after"))).isEqualTo(Map.of("tags", List.of(GlobalId.encode("Tag", tag))));
		assertThat(errors(tagging("tagObject", tag, GlobalId.encode("Host", host)))).extracting(e -> e.get("code"))
			.containsExactly("NOT_UNIQUE");
		assertThat(errors(tagging("untagObject", tag, GlobalId.encode("Host", host)))).isEmpty();
		assertThat(errors(tagging("untagObject", tag, GlobalId.encode("Host", host)))).extracting(e -> e.get("code"))
			.containsExactly("NOT_FOUND");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM object_change WHERE object_type = 'Host' AND object_id = ?",
				Integer.class, host)).isEqualTo(2);
	}

	@Test
	void concurrentTaggingsOfOneObjectWithOneTagLandOnceAndTheOthersAreToldWhy() throws Exception {
		long tag = data().tag("raced");
		var host = GlobalId.encode("Host", data().host("raced", null, "ACTIVE"));
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		var calls = new java.util.ArrayList<java.util.concurrent.Callable<List<Map<String, Object>>>>();
		for (int i = 0; i < 16; i++) {
			calls.add(() -> errors(tagging("tagObject", tag, host)));
		}
		var codes = new java.util.ArrayList<Object>();
		for (var result : pool.invokeAll(calls)) {
			result.get().forEach(error -> codes.add(error.get("code")));
		}
		pool.shutdown();
		assertThat(codes).hasSize(15).containsOnly("NOT_UNIQUE");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM tagged_item WHERE tag_id = ?", Integer.class, tag)).isEqualTo(1);
	}

	@Test
	void onlyTheTaggableTypesTakeTagsAndAMissingObjectIsNotFound() {
		long tag = data().tag("misplaced");
		long building = data().building("untaggable");
		assertThat(errors(tagging("tagObject", tag, GlobalId.encode("Building", building)))).extracting(e -> e.get("code"), e -> e.get("field"))
			.containsExactly(tuple("INVALID", List.of("input", "object")));
		assertThat(errors(tagging("tagObject", tag, GlobalId.encode("Host", Long.MAX_VALUE)))).extracting(e -> e.get("code"), e -> e.get("field"))
			.containsExactly(tuple("NOT_FOUND", List.of("input", "object")));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM tagged_item WHERE tag_id = ?", Integer.class, tag)).isZero();
	}

	@Test
	void aJournalEntryIsByItsCallerOnAnObjectWithAJournal() {
		long building = data().building("noted");
		var payload = journal(staff, GlobalId.encode("Building", building), "Power *off* on Monday");
		assertThat(errors(payload)).isEmpty();
		var entry = (Map<String, Object>) payload.get("journalEntry");
		assertThat(entry).containsEntry("kind", "INFO").containsEntry("comments", "Power *off* on Monday")
			.containsEntry("author", Map.of("id", GlobalId.encode("User", data().userId("staff"))));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM object_change WHERE object_type = 'Building' AND object_id = ?",
				Integer.class, building)).isEqualTo(1);
		assertThat(errors(journal(staff, GlobalId.encode("Building", building), "  "))).extracting(e -> e.get("code"))
			.containsExactly("REQUIRED");
		long change = jdbc.queryForObject("SELECT max(id) FROM object_change", Long.class);
		assertThat(errors(journal(staff, GlobalId.encode("ObjectChange", change), "on a record"))).extracting(e -> e.get("code"), e -> e.get("field"))
			.containsExactly(tuple("INVALID", List.of("input", "object")));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM journal_entry WHERE object_type = 'Building' AND object_id = ?",
				Integer.class, building)).isEqualTo(1);
	}

	@Test
	void onlyItsAuthorOrAnAdminChangesAJournalEntry() {
		long building = data().building("disputed");
		var entry = (String) ((Map<String, Object>) journal(staff, GlobalId.encode("Building", building), "mine").get("journalEntry")).get("id");
		var colleague = "Token " + data().tokenFor("colleague", "STAFF");
		var change = "mutation { updateJournalEntry(input: { id: \"" + entry + "\", version: 0, comments: \"theirs\" }) "
				+ "{ journalEntry { comments version } errors { code } } }";
		graphQl(colleague).document(change).execute().errors()
			.expect(e -> "FORBIDDEN".equals(String.valueOf(e.getExtensions().get("classification")))).verify();
		assertThat(jdbc.queryForObject("SELECT comments FROM journal_entry WHERE id = ?", String.class,
				GlobalId.decodeKey(entry, "JournalEntry", "id"))).isEqualTo("mine");
		var byAdmin = mutate("Token " + data().tokenFor("admin", "ADMIN"), change, "updateJournalEntry");
		assertThat(errors(byAdmin)).isEmpty();
		assertThat((Map<String, Object>) byAdmin.get("journalEntry")).containsEntry("comments", "theirs").containsEntry("version", 1);
		var stale = mutate(staff, "mutation { deleteJournalEntry(input: { id: \"" + entry + "\", version: 0 }) { deletedId errors { code } } }",
				"deleteJournalEntry");
		assertThat(errors(stale)).extracting(e -> e.get("code")).containsExactly("STALE_VERSION");
		var deleted = mutate(staff, "mutation { deleteJournalEntry(input: { id: \"" + entry + "\", version: 1 }) { deletedId errors { code } } }",
				"deleteJournalEntry");
		assertThat(deleted.get("deletedId")).isEqualTo(entry);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM journal_entry WHERE object_id = ? AND object_type = 'Building'",
				Integer.class, building)).isZero();
	}

	private Map<String, Object> tagging(String mutation, long tag, String object) {
		return mutate(staff, "mutation { " + mutation + "(input: { tag: \"" + GlobalId.encode("Tag", tag) + "\", object: \"" + object
				+ "\" }) { tag { id } errors { code field } } }", mutation);
	}

	private Map<String, Object> journal(String authorization, String object, String comments) {
		return mutate(authorization, "mutation { createJournalEntry(input: { object: \"" + object + "\", comments: \"" + comments
				+ "\" }) { journalEntry { id kind comments author { id } } errors { code field } } }", "createJournalEntry");
	}

}

package io.cores.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The change log, journal and tags of objects, found from the object and by its global id. */
class AuditTest extends ApiTest {

	private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

	private long host;
	private long otherHost;

	@BeforeEach
	void twoHosts() {
		host = data().host("audited", null, "ACTIVE");
		otherHost = data().host("bystander", null, "ACTIVE");
	}

	@Test
	void objectChangesFilteredByObjectIdListOnlyThatObjectsRecords() {
		long created = change("Host", host, "CREATE", null, "{\"status\": \"NEW\"}", now.minusHours(2));
		long updated = change("Host", host, "UPDATE", "{\"status\": \"NEW\"}", "{\"status\": \"ACTIVE\"}", now.minusHours(1));
		change("Host", otherHost, "CREATE", null, "{}", now.minusHours(1));
		// a record of another type under the same key is another object
		change("Nic", host, "CREATE", null, "{}", now.minusHours(1));

		graphQl().document("""
				query($id: ID!) {
				  objectChanges(filter: { objectId: { eq: $id } }, orderBy: [{ field: CREATED_AT }]) {
				    totalCount nodes { id action objectType objectId }
				  }
				}""").variable("id", GlobalId.encode("Host", host)).execute()
			.path("objectChanges.nodes[*].id").entityList(String.class)
			.containsExactly(GlobalId.encode("ObjectChange", created), GlobalId.encode("ObjectChange", updated))
			.path("objectChanges.nodes[*].action").entityList(String.class).containsExactly("CREATE", "UPDATE")
			.path("objectChanges.nodes[*].objectId").entityList(String.class)
			.containsExactly(GlobalId.encode("Host", host), GlobalId.encode("Host", host))
			.path("objectChanges.totalCount").entity(Integer.class).isEqualTo(2);
	}

	@Test
	void objectChangesFilteredByManyObjectIdsListTheirRecords() {
		long mine = change("Host", host, "CREATE", null, "{}", now.minusHours(1));
		long theirs = change("Host", otherHost, "CREATE", null, "{}", now.minusHours(1));
		change("Nic", host, "CREATE", null, "{}", now.minusHours(1));

		graphQl().document("""
				query($ids: [ID!]) { objectChanges(filter: { objectId: { in: $ids } }, orderBy: [{ field: ID }]) { nodes { id } } }""")
			.variable("ids", List.of(GlobalId.encode("Host", host), GlobalId.encode("Host", otherHost))).execute()
			.path("objectChanges.nodes[*].id").entityList(String.class)
			.containsExactly(GlobalId.encode("ObjectChange", mine), GlobalId.encode("ObjectChange", theirs));
	}

	@Test
	void anObjectIdFilterWithAMalformedIdIsABadRequest() {
		graphQl().document("{ objectChanges(filter: { objectId: { eq: \"%%%\" } }) { totalCount } }").execute().errors()
			.expect(e -> "BAD_REQUEST".equals(String.valueOf(e.getExtensions().get("classification")))
					&& e.getMessage().startsWith("filter.objectId.eq:"))
			.verify();
	}

	@Test
	void hostChangesListTheHostsChangeLogWithWhoAndWhat() {
		long editor = data().user("editor");
		var request = UUID.randomUUID();
		long updated = data().insert("""
				INSERT INTO object_change (user_id, user_name, request_id, action, object_type, object_id, object_repr,
				    data_before, data_after, created_at)
				VALUES (?, ?, ?, 'UPDATE', 'Host', ?, ?, '{"status": "NEW"}', '{"status": "ACTIVE", "rack": null}', ?)
				RETURNING id""", editor, data().name("editor"), request, host, data().name("audited"), now.minusMinutes(5));
		change("Host", otherHost, "UPDATE", "{}", "{}", now.minusMinutes(5));
		change("Nic", host, "UPDATE", "{}", "{}", now.minusMinutes(5));

		var response = graphQl().document("""
				query($id: ID!) {
				  host(id: $id) {
				    changes {
				      totalCount
				      nodes { id userName user { username } requestId action objectType objectId objectRepr dataBefore dataAfter }
				    }
				  }
				}""").variable("id", GlobalId.encode("Host", host)).execute();

		response.path("host.changes.totalCount").entity(Integer.class).isEqualTo(1);
		response.path("host.changes.nodes[0].id").entity(String.class).isEqualTo(GlobalId.encode("ObjectChange", updated));
		response.path("host.changes.nodes[0].user.username").entity(String.class).isEqualTo(data().name("editor"));
		response.path("host.changes.nodes[0].requestId").entity(String.class).isEqualTo(request.toString());
		response.path("host.changes.nodes[0].objectType").entity(String.class).isEqualTo("Host");
		response.path("host.changes.nodes[0].objectId").entity(String.class).isEqualTo(GlobalId.encode("Host", host));
		response.path("host.changes.nodes[0].objectRepr").entity(String.class).isEqualTo(data().name("audited"));
		response.path("host.changes.nodes[0].dataBefore").entity(Map.class).isEqualTo(Map.of("status", "NEW"));
		response.path("host.changes.nodes[0].dataAfter").entity(Map.class).satisfies(after -> assertThat(after)
			.containsEntry("status", "ACTIVE").containsEntry("rack", null).hasSize(2));
	}

	@Test
	void theObjectIdOfAChangeLeadsBackToTheObject() {
		change("Host", host, "CREATE", null, "{}", now.minusMinutes(1));

		var objectId = graphQl().document("""
				query($id: ID!) { objectChanges(filter: { objectId: { eq: $id } }) { nodes { objectId } } }""")
			.variable("id", GlobalId.encode("Host", host)).execute()
			.path("objectChanges.nodes[0].objectId").entity(String.class).get();
		graphQl().document("query($id: ID!) { node(id: $id) { ... on Host { hostname } } }").variable("id", objectId)
			.execute().path("node.hostname").entity(String.class).isEqualTo(data().name("audited"));
	}

	@Test
	void hostJournalListsTheNotesWrittenOnTheHost() {
		long author = data().user("author");
		long first = journal("Host", host, author, "INFO", "Racked in **A1**", now.minusDays(1));
		long second = journal("Host", host, null, "DANGER", "PSU failing", now.minusHours(1));
		journal("Host", otherHost, author, "INFO", "not this one", now);
		journal("Nic", host, author, "INFO", "nor this one", now);

		graphQl().document("""
				query($id: ID!) {
				  host(id: $id) { journal(orderBy: [{ field: CREATED_AT }]) { nodes { id kind comments author { username } objectId } } }
				}""").variable("id", GlobalId.encode("Host", host)).execute()
			.path("host.journal.nodes[*].id").entityList(String.class)
			.containsExactly(GlobalId.encode("JournalEntry", first), GlobalId.encode("JournalEntry", second))
			.path("host.journal.nodes[*].kind").entityList(String.class).containsExactly("INFO", "DANGER")
			.path("host.journal.nodes[0].comments").entity(String.class).isEqualTo("Racked in **A1**")
			.path("host.journal.nodes[0].author.username").entity(String.class).isEqualTo(data().name("author"))
			.path("host.journal.nodes[1].author").valueIsNull()
			.path("host.journal.nodes[0].objectId").entity(String.class).isEqualTo(GlobalId.encode("Host", host));
	}

	@Test
	void hostTagsAndTagHostsMirrorTheTagging() {
		long lab = data().tag("lab-a");
		long legacy = data().tag("legacy");
		long unused = data().tag("unused");
		data().tagObject(lab, "Host", host);
		data().tagObject(legacy, "Host", host);
		data().tagObject(lab, "Host", otherHost);
		// a NIC that happens to share the host's key is another object
		data().tagObject(unused, "Nic", host);

		graphQl().document("""
				query($id: ID!) { host(id: $id) { tags(orderBy: [{ field: NAME }]) { totalCount nodes { name slug color } } } }""")
			.variable("id", GlobalId.encode("Host", host)).execute()
			.path("host.tags.nodes[*].name").entityList(String.class).containsExactly(data().name("lab-a"), data().name("legacy"))
			.path("host.tags.nodes[0].color").entity(String.class).isEqualTo("9e9e9e")
			.path("host.tags.totalCount").entity(Integer.class).isEqualTo(2);
		graphQl().document("""
				query($id: ID!) { tag(id: $id) { hosts(orderBy: [{ field: HOSTNAME }]) { nodes { hostname } } nics { totalCount } } }""")
			.variable("id", GlobalId.encode("Tag", lab)).execute()
			.path("tag.hosts.nodes[*].hostname").entityList(String.class)
			.containsExactly(data().name("audited"), data().name("bystander"))
			.path("tag.nics.totalCount").entity(Integer.class).isEqualTo(0);
		graphQl().document("query($id: ID!) { tag(id: $id) { hosts { totalCount } } }")
			.variable("id", GlobalId.encode("Tag", unused)).execute()
			.path("tag.hosts.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void hostsFilterByTheirTags() {
		long legacy = data().tag("legacy");
		data().tagObject(legacy, "Host", otherHost);

		graphQl().document("""
				query($prefix: String!, $slug: String!) {
				  hosts(filter: { hostname: { startsWith: $prefix }, tags: { some: { slug: { eq: $slug } } } }) { nodes { hostname } }
				}""").variable("prefix", data().prefix()).variable("slug", data().name("legacy").toLowerCase()).execute()
			.path("hosts.nodes[*].hostname").entityList(String.class).containsExactly(data().name("bystander"));
	}

	@Test
	void aBookableCarriesItsOwnTagsApartFromItsHosts() {
		long bookable = data().bookable(host, "ACTIVE");
		long tag = data().tag("gpu");
		data().tagObject(tag, "Bookable", bookable);

		graphQl().document("""
				query($id: ID!) { tag(id: $id) { bookables { nodes { id } } hosts { totalCount } } }""")
			.variable("id", GlobalId.encode("Tag", tag)).execute()
			.path("tag.bookables.nodes[*].id").entityList(String.class).containsExactly(GlobalId.encode("Bookable", bookable))
			.path("tag.hosts.totalCount").entity(Integer.class).isEqualTo(0);
	}

	private long change(String type, long id, String action, String before, String after, OffsetDateTime at) {
		return data().insert("""
				INSERT INTO object_change (action, object_type, object_id, object_repr, data_before, data_after, created_at)
				VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) RETURNING id""", action, type, id, type + " " + id, before, after, at);
	}

	private long journal(String type, long id, Long author, String kind, String comments, OffsetDateTime at) {
		return data().insert("""
				INSERT INTO journal_entry (object_type, object_id, author_id, kind, comments, created_at)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""", type, id, author, kind, comments, at);
	}
}

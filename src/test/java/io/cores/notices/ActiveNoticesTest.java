package io.cores.notices;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Which notices a reader sees now, and in which order. Every request here is anonymous. */
class ActiveNoticesTest extends ApiTest {

	private static final String ACTIVE = "{ activeNotices { id title style priority expiresAt targetGroup { name } } }";

	private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

	@Test
	void expiredNoticesAreNotActive() {
		notice("expired", 0, now.minusMinutes(1), null, now.minusDays(1));
		notice("expiring-later", 0, now.plusMinutes(5), null, now.minusDays(1));
		notice("never-expiring", 0, null, null, now.minusDays(1));

		assertThat(titles(active())).containsExactlyInAnyOrder(data().name("expiring-later"), data().name("never-expiring"));
	}

	@Test
	void aGroupTargetedNoticeIsNotShownToAnonymousReaders() {
		long staff = group("staff");
		notice("for-staff", 10, null, staff, now.minusDays(1));
		notice("for-everyone", 0, null, null, now.minusDays(1));

		assertThat(titles(active())).containsExactly(data().name("for-everyone"));
	}

	@Test
	void activeNoticesComeHighestPriorityFirstThenNewest() {
		notice("low-old", 1, null, null, now.minusDays(3));
		notice("high-old", 5, null, null, now.minusDays(2));
		notice("low-new", 1, null, null, now.minusHours(1));
		notice("high-new", 5, null, null, now.minusHours(2));
		notice("negative", -3, null, null, now);

		assertThat(titles(active())).containsExactly(data().name("high-new"), data().name("high-old"),
				data().name("low-new"), data().name("low-old"), data().name("negative"));
	}

	@Test
	void anActiveNoticeShowsItsFields() {
		long id = notice("shown", 7, now.plusDays(1), null, now.minusMinutes(1));
		jdbc.update("UPDATE notice SET style = 'DANGER' WHERE id = ?", id);

		var shown = active().stream().filter(n -> n.get("title").equals(data().name("shown"))).findFirst().orElseThrow();

		assertThat(shown).containsEntry("id", GlobalId.encode("Notice", id)).containsEntry("style", "DANGER")
			.containsEntry("priority", 7).containsEntry("targetGroup", null);
		assertThat(OffsetDateTime.parse((String) shown.get("expiresAt"))).isEqualTo(now.plusDays(1));
	}

	@Test
	void aGroupListsTheNoticesTargetedAtItExpiredOnesIncluded() {
		long staff = group("staff");
		long other = group("other");
		long current = notice("current", 0, null, staff, now.minusDays(1));
		long expired = notice("expired", 0, now.minusDays(1), staff, now.minusDays(2));
		notice("elsewhere", 0, null, other, now.minusDays(1));

		graphQl().document("""
				query($id: ID!) {
				  group(id: $id) { notices(orderBy: [{ field: ID }]) { nodes { id targetGroup { name } } } }
				}""").variable("id", GlobalId.encode("Group", staff)).execute()
			.path("group.notices.nodes[*].id").entityList(String.class)
			.containsExactly(GlobalId.encode("Notice", current), GlobalId.encode("Notice", expired))
			.path("group.notices.nodes[0].targetGroup.name").entity(String.class).isEqualTo(data().name("staff"));
	}

	private long notice(String title, int priority, OffsetDateTime expiresAt, Long targetGroup, OffsetDateTime createdAt) {
		return data().insert("""
				INSERT INTO notice (title, body, priority, expires_at, target_group_id, created_at)
				VALUES (?, 'Some **Markdown**', ?, ?, ?, ?) RETURNING id""", data().name(title), priority, expiresAt,
				targetGroup, createdAt);
	}

	private long group(String name) {
		return data().insert("INSERT INTO user_group (name) VALUES (?) RETURNING id", data().name(name));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private List<Map<String, Object>> active() {
		return (List) graphQl().document(ACTIVE).execute().path("activeNotices").entityList(Map.class).get();
	}

	/** This test's notices only: other tests share the database. */
	private List<String> titles(List<Map<String, Object>> notices) {
		return notices.stream().map(n -> (String) n.get("title")).filter(t -> t.startsWith(data().prefix() + "-")).toList();
	}
}

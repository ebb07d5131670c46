package io.cores.notices;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Notices' own rule: an expiry given is in the future, on create and on update. */
@SuppressWarnings("unchecked")
class NoticeWritesTest extends ApiTest {

	private String staff;

	@BeforeEach
	void writer() {
		staff = "Token " + data().tokenFor("staff", "STAFF");
	}

	@Test
	void aNoticeCreatedToExpireInThePastIsRefusedAndNothingWritten() {
		var title = data().name("past");
		var payload = create(title, OffsetDateTime.now().minusMinutes(1));
		assertThat(errors(payload)).containsExactly(Map.of("code", "INVALID", "field", List.of("input", "expiresAt"),
				"message", "expiresAt must be in the future"));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM notice WHERE title = ?", Integer.class, title)).isZero();
	}

	@Test
	void aNoticeToExpireInTheFutureIsCreatedForItsGroupAndActive() {
		var title = data().name("future");
		long group = data().insert("INSERT INTO user_group (name) VALUES (?) RETURNING id", data().name("readers"));
		var payload = mutate("mutation($g: ID!, $t: String!, $e: DateTime!) { createNotice(input: { title: $t, body: \"**hi**\", "
				+ "targetGroup: $g, style: WARNING, priority: 5, expiresAt: $e }) { notice { title style targetGroup { id } } "
				+ "errors { code } } }", Map.of("g", GlobalId.encode("Group", group), "t", title, "e",
						OffsetDateTime.now().plusDays(1).toString()), "createNotice");
		assertThat(errors(payload)).isEmpty();
		assertThat((Map<String, Object>) payload.get("notice")).containsEntry("style", "WARNING")
			.containsEntry("targetGroup", Map.of("id", GlobalId.encode("Group", group)));
		assertThat(jdbc.queryForObject("SELECT target_group_id FROM notice WHERE title = ?", Long.class, title)).isEqualTo(group);
	}

	@Test
	void anUpdateGivingAPastExpiryIsRefusedButOneLeavingItOutEditsAnExpiredNotice() {
		var title = data().name("expired");
		long notice = data().insert("INSERT INTO notice (title, expires_at) VALUES (?, now() - interval '1 day') RETURNING id", title);
		var id = GlobalId.encode("Notice", notice);
		var refused = mutate("mutation($id: ID!, $e: DateTime!) { updateNotice(input: { id: $id, version: 0, expiresAt: $e }) "
				+ "{ notice { id } errors { code field } } }", Map.of("id", id, "e", OffsetDateTime.now().minusHours(1).toString()),
				"updateNotice");
		assertThat(errors(refused)).containsExactly(Map.of("code", "INVALID", "field", List.of("input", "expiresAt")));
		assertThat(jdbc.queryForObject("SELECT version FROM notice WHERE id = ?", Integer.class, notice)).isZero();
		var edited = mutate("mutation($id: ID!) { updateNotice(input: { id: $id, version: 0, body: \"fixed\" }) "
				+ "{ notice { body version } errors { code } } }", Map.of("id", id), "updateNotice");
		assertThat(errors(edited)).isEmpty();
		assertThat((Map<String, Object>) edited.get("notice")).containsEntry("body", "fixed").containsEntry("version", 1);
	}

	private Map<String, Object> create(String title, OffsetDateTime expiresAt) {
		return mutate("mutation($t: String!, $e: DateTime!) { createNotice(input: { title: $t, body: \"b\", style: INFO, "
				+ "priority: 0, expiresAt: $e }) { notice { id } errors { code field message } } }",
				Map.of("t", title, "e", expiresAt.toString()), "createNotice");
	}

	private Map<String, Object> mutate(String document, Map<String, Object> variables, String field) {
		var request = graphQl(staff).document(document);
		for (var variable : variables.entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		return request.execute().path(field).entity(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
	}

}

package io.cores.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;

import io.cores.platform.graphql.GlobalId;
import io.cores.platform.persistence.Json;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users as admins write them: deactivation stops a user's tokens, nobody locks themself
 * out, emails are addresses, the identity provider's link is not theirs to write.
 */
@SuppressWarnings("unchecked")
class UserWritesTest extends ApiTest {

	private String admin;
	private long adminUser;

	@BeforeEach
	void writer() {
		admin = "Token " + data().tokenFor("admin", "ADMIN");
		adminUser = data().userId("admin");
	}

	@Test
	void aDeactivatedUsersTokensStopAuthenticating() {
		var key = data().tokenFor("leaving", "USER");
		long user = data().userId("leaving");
		graphQl("Token " + key).document("{ me { id } }").execute().path("me.id").entity(String.class)
			.isEqualTo(GlobalId.encode("User", user));
		var payload = update(user, "active: false", "active");
		assertThat(errors(payload)).isEmpty();
		client().post().header("Authorization", "Token " + key).bodyValue(Map.of("query", "{ me { id } }")).exchange()
			.expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void anAdminCannotDeactivateDemoteOrDeleteThemselfButAnotherAdminCan() {
		for (var change : List.of("active: false", "role: STAFF")) {
			var field = change.substring(0, change.indexOf(':'));
			assertThat(errors(update(adminUser, change, "active role"))).extracting(e -> e.get("code"), e -> e.get("field"))
				.containsExactly(org.assertj.core.groups.Tuple.tuple("INVALID_STATE", List.of("input", field)));
		}
		var deleted = mutate(admin, "mutation { deleteUser(input: { id: \"" + GlobalId.encode("User", adminUser)
				+ "\", version: 0 }) { deletedId errors { code } } }", "deleteUser");
		assertThat(errors(deleted)).extracting(e -> e.get("code")).containsExactly("INVALID_STATE");
		assertThat(jdbc.queryForMap("SELECT active, role, version FROM app_user WHERE id = ?", adminUser))
			.containsEntry("active", true).containsEntry("role", "ADMIN").containsEntry("version", 0);
		var other = "Token " + data().tokenFor("other-admin", "ADMIN");
		var demoted = mutate(other, "mutation { updateUser(input: { id: \"" + GlobalId.encode("User", adminUser)
				+ "\", version: 0, role: STAFF }) { user { role } errors { code } } }", "updateUser");
		assertThat(errors(demoted)).isEmpty();
		assertThat(jdbc.queryForObject("SELECT role FROM app_user WHERE id = ?", String.class, adminUser)).isEqualTo("STAFF");
	}

	@Test
	void anEmailMustBeAnAddress() {
		long user = data().user("mailed");
		assertThat(errors(update(user, "email: \"not an address\"", "email"))).extracting(e -> e.get("code"), e -> e.get("field"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("INVALID", List.of("input", "email")));
		assertThat(jdbc.queryForObject("SELECT version FROM app_user WHERE id = ?", Integer.class, user)).isZero();
		assertThat(errors(update(user, "email: \"new@example.net\"", "email"))).isEmpty();
		assertThat(jdbc.queryForObject("SELECT email FROM app_user WHERE id = ?", String.class, user)).isEqualTo("new@example.net");
	}

	@Test
	void theIdentityProviderLinkIsNotWritable() {
		long user = data().user("linked");
		graphQl(admin).document("mutation { updateUser(input: { id: \"" + GlobalId.encode("User", user)
				+ "\", version: 0, subject: \"someone\" }) { user { id } } }").execute().errors()
			.expect(e -> e.getErrorType().toString().equals("ValidationError")).verify();
		assertThat(jdbc.queryForObject("SELECT subject FROM app_user WHERE id = ?", String.class, user)).isNull();
	}

	@Test
	void anAnonymousReaderOfAUsersChangeRecordDoesNotSeeTheEmail() {
		long user = data().user("private");
		assertThat(errors(update(user, "displayName: \"Private Person\"", "displayName"))).isEmpty();
		var query = "{ user(id: \"" + GlobalId.encode("User", user) + "\") { changes { nodes { dataBefore dataAfter } } } }";
		var asAdmin = graphQl(admin).document(query).execute().path("user.changes.nodes[0]")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
		assertThat((Map<String, Object>) asAdmin.get("dataAfter")).containsEntry("email", data().name("private") + "@example.net");
		var anonymous = graphQl().document(query).execute().path("user.changes.nodes[0]")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
		assertThat((Map<String, Object>) anonymous.get("dataAfter")).containsEntry("displayName", "Private Person")
			.doesNotContainKey("email");
		assertThat((Map<String, Object>) anonymous.get("dataBefore")).doesNotContainKey("email");
		assertThat(Json.write(anonymous)).doesNotContain("@example.net");
	}

	private Map<String, Object> update(long user, String change, String selection) {
		return mutate(admin, "mutation { updateUser(input: { id: \"" + GlobalId.encode("User", user) + "\", version: 0, " + change
				+ " }) { user { " + selection + " } errors { code field } } }", "updateUser");
	}

}

package io.cores.identity;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;
import io.cores.support.TestJwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule for a person's role, whether they come with a JWT or an API token: their own role
 * (set in Cores) and the roles of all their groups, from the claim or granted in Cores. Users
 * are linked to the identity provider by issuer and subject only.
 */
class IdentityRuleTest extends ApiTest {

	@Test
	void aGroupRoleGrantedInCoresCountsForAJwtAndForAnApiTokenAlike() {
		var qa = data().name("qa");
		data().insert("INSERT INTO user_group (name, role) VALUES (?, 'ADMIN') RETURNING id", qa);
		var jwt = bearer(TestJwt.signed(data().name("sub"), data().name("quinn"), null, List.of(qa)));
		assertThat(isAdmin(jwt)).as("admin with the JWT").isTrue();

		var key = jwt.document("mutation { createToken(input: {}) { key token { role } } }").execute()
			.path("createToken.token.role").entity(String.class).isEqualTo("ADMIN")
			.path("createToken.key").entity(String.class).get();
		assertThat(isAdmin(graphQl("Token " + key))).as("admin with the API token").isTrue();
	}

	@Test
	void aRoleAnAdminSetsSticksAcrossSignIns() {
		var subject = data().name("sub");
		var rita = data().name("rita");
		long id = userId(bearer(TestJwt.signed(subject, rita, null, List.of())));
		jdbc.update("UPDATE app_user SET role = 'ADMIN' WHERE id = ?", id);

		assertThat(isAdmin(bearer(TestJwt.signed(subject, rita, null, List.of())))).as("at the next sign-in").isTrue();
		assertThat(jdbc.queryForObject("SELECT role FROM app_user WHERE id = ?", String.class, id)).isEqualTo("ADMIN");
	}

	@Test
	void membershipsGrantedInCoresSurviveTheClaimSync() {
		var subject = data().name("sub");
		var claimed = data().name("claimed");
		var granted = data().name("granted");
		long user = userId(bearer(TestJwt.signed(subject, data().name("gus"), null, List.of(claimed))));
		long group = data().insert("INSERT INTO user_group (name, role) VALUES (?, 'ADMIN') RETURNING id", granted);
		jdbc.update("INSERT INTO group_membership (user_id, group_id) VALUES (?, ?)", user, group);

		var again = bearer(TestJwt.signed(subject, data().name("gus"), null, List.of(claimed)));
		assertThat(groupNames(again)).containsExactlyInAnyOrder(claimed, granted);
		assertThat(isAdmin(again)).isTrue();
		var withoutClaims = bearer(TestJwt.signed(subject, data().name("gus"), null, List.of()));
		assertThat(groupNames(withoutClaims)).containsExactly(granted);
	}

	@Test
	void theFirstSignInNeverTakesOverAnExistingUser() {
		long local = data().user("taken");
		var jwt = bearer(TestJwt.signed(data().name("sub"), data().name("taken"), null, List.of()));

		assertThat(userId(jwt)).isNotEqualTo(local);
		jwt.document("{ me { username } }").execute().path("me.username").entity(String.class)
			.isEqualTo(data().name("taken") + "-2");
		assertThat(jdbc.queryForObject("SELECT subject FROM app_user WHERE id = ?", String.class, local)).isNull();
	}

	@Test
	void signingInAsAdminGetsNeitherTheBootstrapAdminNorItsRights() {
		long bootstrap = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'admin'", Long.class);
		var jwt = bearer(TestJwt.signed(data().name("sub"), "admin", null, List.of()));

		assertThat(userId(jwt)).isNotEqualTo(bootstrap);
		assertThat(isAdmin(jwt)).isFalse();
		assertThat(isAdmin(asAdmin())).as("the bootstrap token still works").isTrue();
	}

	@Test
	void usersAreLinkedByIssuerAndSubject() {
		var subject = data().name("sub");
		long first = userId(bearer(TestJwt.signed(subject, data().name("ivy"), null, List.of())));
		long other = userId(bearer(TestJwt.fromIssuer("https://other.test/realms/lab", subject, data().name("ivy"), List.of())));
		long again = userId(bearer(TestJwt.signed(subject, data().name("ivy"), null, List.of())));

		assertThat(other).isNotEqualTo(first);
		assertThat(again).isEqualTo(first);
	}

	@Test
	void aUserLinkedBeforeIssuersWereRecordedIsLinkedToTheIssuerOfItsNextSignIn() {
		var subject = data().name("sub");
		long legacy = data().insert("INSERT INTO app_user (username, subject) VALUES (?, ?) RETURNING id", data().name("old"), subject);

		assertThat(userId(bearer(TestJwt.signed(subject, data().name("old"), null, List.of())))).isEqualTo(legacy);
		assertThat(jdbc.queryForObject("SELECT issuer FROM app_user WHERE id = ?", String.class, legacy)).isEqualTo(TestJwt.ISSUER);
		assertThat(userId(bearer(TestJwt.fromIssuer("https://other.test/realms/lab", subject, data().name("old"), List.of()))))
			.isNotEqualTo(legacy);
	}

	@Test
	void claimGroupsMapToRolesByTheirExactConfiguredName() {
		var path = bearer(TestJwt.signed(data().name("sub1"), data().name("pat"), null, List.of("/org/cores-admins")));
		assertThat(isAdmin(path)).isFalse();
		assertThat(groupNames(path)).containsExactly("/org/cores-admins");

		var exact = bearer(TestJwt.signed(data().name("sub2"), data().name("exa"), null, List.of("cores-admins")));
		assertThat(isAdmin(exact)).isTrue();
	}

	@Test
	void myRoleIsTheRoleEveryRuleSeesNotOnlyTheUsersOwn() {
		var jwt = bearer(TestJwt.signed(data().name("sub"), data().name("mya"), null, List.of("cores-admins")));
		jwt.document("{ me { role } myRole }").execute()
			.path("me.role").entity(String.class).isEqualTo("USER")
			.path("myRole").entity(String.class).isEqualTo("ADMIN");

		var key = jwt.document("mutation { createToken(input: {role: STAFF}) { key } }").execute()
			.path("createToken.key").entity(String.class).get();
		graphQl("Token " + key).document("{ myRole }").execute().path("myRole").entity(String.class).isEqualTo("STAFF");
		graphQl().document("{ myRole }").execute().path("myRole").valueIsNull();
	}

	@Test
	void aRepeatSignInWithTheSameClaimsWritesNothing() {
		var jwt = TestJwt.signed(data().name("sub"), data().name("rex"), data().name("rex") + "@example.net",
				List.of(data().name("g1"), data().name("g2"), "cores-staff"));
		long user = userId(bearer(jwt));
		var before = rowState(user);

		userId(bearer(jwt));
		assertThat(rowState(user)).isEqualTo(before);
	}

	/** What any write to the user, its memberships or groups, or a new row would change. */
	private List<String> rowState(long user) {
		return jdbc.queryForList("""
				SELECT 'user ' || xmin || ' ' || version || ' ' || updated_at FROM app_user WHERE id = ?
				UNION ALL SELECT 'membership ' || id || ' ' || xmin || ' ' || updated_at FROM group_membership WHERE user_id = ?
				UNION ALL SELECT 'group ' || g.id || ' ' || g.xmin || ' ' || g.updated_at
				  FROM user_group g JOIN group_membership m ON m.group_id = g.id WHERE m.user_id = ?
				UNION ALL SELECT 'next ' || t || ' ' || pg_sequence_last_value(pg_get_serial_sequence(t, 'id'))
				  FROM unnest(ARRAY['app_user', 'user_group', 'group_membership']) t
				ORDER BY 1""", String.class, user, user, user);
	}

	private HttpGraphQlTester bearer(String jwt) {
		return graphQl("Bearer " + jwt);
	}

	private long userId(HttpGraphQlTester caller) {
		var id = caller.document("{ me { id } }").execute().path("me.id").entity(String.class).get();
		return GlobalId.decodeKey(id, "User", "me.id");
	}

	private List<String> groupNames(HttpGraphQlTester caller) {
		return caller.document("{ me { groups { nodes { name } } } }").execute()
			.path("me.groups.nodes[*].name").entityList(String.class).get();
	}

	/** Whether the caller may read another user's email, which only admins may. */
	private boolean isAdmin(HttpGraphQlTester caller) {
		long someone = data().user("someone" + System.nanoTime());
		var response = caller.document("query($id: ID!) { user(id: $id) { email } }")
			.variable("id", GlobalId.encode("User", someone)).execute();
		var errors = new java.util.ArrayList<Object>();
		response.errors().satisfy(errors::addAll);
		return errors.isEmpty() && response.path("user.email").entity(String.class).get() != null;
	}
}

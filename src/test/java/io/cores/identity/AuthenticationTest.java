package io.cores.identity;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.source.JWKSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import io.cores.support.ApiTest;
import io.cores.support.TestJwt;

import static org.assertj.core.api.Assertions.assertThat;

/** How callers prove who they are: API tokens in both header forms, JWTs, and what is refused. */
class AuthenticationTest extends ApiTest {

	@Test
	void anApiTokenWorksAsTokenAndAsBearer() {
		var key = data().tokenFor("ann", "USER");
		for (var header : List.of("Token " + key, "Bearer " + key)) {
			graphQl(header).document("{ me { username } }").execute()
				.path("me.username").entity(String.class).isEqualTo(data().name("ann"));
		}
	}

	@Test
	void unknownMalformedAndOtherSchemesAreRefusedWith401() {
		for (var header : List.of("Token cores_not-a-real-key", "Bearer nonsense", "Basic YWRtaW46YWRtaW4=", "Token")) {
			client().post().header("Authorization", header).bodyValue(Map.of("query", "{ me { username } }")).exchange()
				.expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED)
				.expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED");
		}
	}

	@Test
	void aJwtProvisionsTheUserWithRoleAndGroupsFromItsClaims() {
		var subject = data().name("sub");
		var jwt = TestJwt.signed(subject, data().name("joan"), data().name("joan") + "@example.net",
				List.of("cores-admins", data().name("qa")));
		graphQl("Bearer " + jwt).document("{ me { username email role groups { nodes { name } } } }").execute()
			.path("me.username").entity(String.class).isEqualTo(data().name("joan"))
			.path("me.email").entity(String.class).isEqualTo(data().name("joan") + "@example.net")
			.path("me.role").entity(String.class).isEqualTo("USER")
			.path("me.groups.nodes[*].name").entityList(String.class).contains("cores-admins", data().name("qa")).hasSize(2);
		assertThat(grantableRoles("Bearer " + jwt)).as("ADMIN through cores-admins").containsExactly("ADMIN", "STAFF", "USER");

		var later = TestJwt.signed(subject, data().name("joan"), null, List.of(data().name("qa")));
		graphQl("Bearer " + later).document("{ me { role groups { nodes { name } } } }").execute()
			.path("me.role").entity(String.class).isEqualTo("USER")
			.path("me.groups.nodes[*].name").entityList(String.class).containsExactly(data().name("qa"));
		assertThat(grantableRoles("Bearer " + later)).containsExactly("USER");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE subject = ?", Integer.class, subject)).isOne();
	}

	@Test
	void aJwtForAnotherAudienceIsRefused() {
		for (var audiences : List.of(List.of("another-app"), List.<String>of())) {
			client().post().header("Authorization", "Bearer " + TestJwt.forAudiences(audiences, data().name("aud"), data().name("aud")))
				.bodyValue(Map.of("query", "{ me { username } }")).exchange()
				.expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED)
				.expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("aud"));
		}
		var alsoForUs = TestJwt.forAudiences(List.of("another-app", TestJwt.AUDIENCE), data().name("aud"), data().name("aud"));
		graphQl("Bearer " + alsoForUs).document("{ me { username } }").execute()
			.path("me.username").entity(String.class).isEqualTo(data().name("aud"));
	}

	@Test
	void anExpiredOrForeignJwtIsRefused() {
		for (var jwt : List.of(TestJwt.expired(data().name("s1"), data().name("late")),
				TestJwt.signedByStranger(data().name("s2"), data().name("mallory")))) {
			client().post().header("Authorization", "Bearer " + jwt).bodyValue(Map.of("query", "{ me { username } }"))
				.exchange().expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
		}
	}

	/** The roles the caller may put on a token of their own: their effective role and below. */
	private List<String> grantableRoles(String authorization) {
		return java.util.stream.Stream.of("ADMIN", "STAFF", "USER").filter(role -> graphQl(authorization)
			.document("mutation($role: Role) { createToken(input: {role: $role}) { errors { message } } }")
			.variable("role", role).execute().path("createToken.errors").entityList(Object.class).get().isEmpty()).toList();
	}

	@Test
	void lastUseIsRecordedAtMostOnceAMinute() {
		var key = data().tokenFor("often", "USER");
		graphQl("Token " + key).document("{ me { username } }").execute().path("me.username").hasValue();
		var first = jdbc.queryForObject("SELECT last_used_at FROM api_token WHERE key_hash = ?", java.time.OffsetDateTime.class,
				io.cores.identity.internal.TokenKeys.hash(key));
		graphQl("Token " + key).document("{ me { username } }").execute().path("me.username").hasValue();
		var second = jdbc.queryForObject("SELECT last_used_at FROM api_token WHERE key_hash = ?", java.time.OffsetDateTime.class,
				io.cores.identity.internal.TokenKeys.hash(key));
		assertThat(first).isNotNull().isEqualTo(second);
	}

	@Test
	void anonymousCallersReadButSeeNoTokensEmailsOrRawScans() {
		data().tokenFor("hidden", "USER");
		graphQl().document("{ tokens { totalCount } hosts(first: 1) { totalCount } }").execute()
			.path("tokens.totalCount").entity(Integer.class).isEqualTo(0)
			.path("hosts.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());
		graphQl().document("{ users(first: 1) { nodes { email } } }").execute().errors()
			.expect(e -> "UNAUTHORIZED".equals(String.valueOf(e.getExtensions().get("classification")))).verify();
		graphQl().document("{ scanSessions(first: 1) { nodes { rawResults } } }").execute().errors()
			.expect(e -> "UNAUTHORIZED".equals(String.valueOf(e.getExtensions().get("classification")))).verify();
	}

	@Test
	void aUserSeesOnlyTheirOwnTokensAndEmail() {
		var key = data().tokenFor("own", "USER");
		var other = data().tokenFor("someone", "USER");
		graphQl("Token " + key).document("{ tokens { nodes { owner { username } } } me { email } }").execute()
			.path("tokens.nodes[*].owner.username").entityList(String.class).satisfies(names -> assertThat(names).isNotEmpty().containsOnly(data().name("own")))
			.path("me.email").entity(String.class).isEqualTo(data().name("own") + "@example.net");
		graphQl("Token " + key).document("query($id: ID!) { user(id: $id) { email } }")
			.variable("id", io.cores.platform.graphql.GlobalId.encode("User", data().userId("someone"))).execute()
			.errors().expect(e -> "FORBIDDEN".equals(String.valueOf(e.getExtensions().get("classification")))).verify();
		graphQl("Token " + other).document("{ scanSessions(first: 1) { nodes { rawResults } } }").execute().errors()
			.expect(e -> "FORBIDDEN".equals(String.valueOf(e.getExtensions().get("classification")))).verify();
	}

	/**
	 * The test classpath holds an authorization server (TestIdentityProvider's); Cores itself gets
	 * neither its filter chain nor its keys, so JWTs are checked only as configured.
	 */
	@Test
	void coresHasOneFilterChainAndNoKeysOfAnAuthorizationServer(@Autowired ApplicationContext context) {
		assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("securityFilterChain");
		assertThat(context.getBeanNamesForType(JWKSource.class)).isEmpty();
		assertThat(context.getBeanNamesForType(JwtDecoder.class)).hasSize(1);
	}
}

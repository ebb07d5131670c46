package io.cores.platform.graphql;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure nobody planned for reaches the client as a correlation id alone: no stack trace,
 * class name, SQL or PostgreSQL DETAIL text (which may quote other rows), and nothing of the
 * failed write stays.
 */
class UnexpectedErrorTest extends ApiTest {

	private static final String SECRET = "detail-of-another-row-4711";

	@AfterEach
	void dropTrap() {
		jdbc.execute("DROP TRIGGER IF EXISTS api_token_trap ON api_token");
		jdbc.execute("DROP FUNCTION IF EXISTS api_token_trap()");
	}

	@Test
	void aDatabaseFailureIsReportedByCorrelationIdWithoutItsDetails() {
		var comment = data().name("trapped");
		// a failure the server cannot foresee, raised with the message parts PostgreSQL leaks most
		jdbc.execute("""
				CREATE FUNCTION api_token_trap() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    IF NEW.comment = '%s' THEN
				        RAISE EXCEPTION 'api_token insert failed near %s'
				            USING DETAIL = 'Key (key_hash)=(%s) already exists.', HINT = 'SELECT * FROM api_token';
				    END IF;
				    RETURN NEW;
				END $$""".formatted(comment, SECRET, SECRET));
		jdbc.execute("CREATE TRIGGER api_token_trap BEFORE INSERT ON api_token FOR EACH ROW EXECUTE FUNCTION api_token_trap()");

		var body = client().post().header("Authorization", "Token " + ADMIN_KEY)
			.bodyValue(Map.of("query", "mutation($input: CreateTokenInput!) { createToken(input: $input) { key } }",
					"variables", Map.of("input", Map.of("comment", comment))))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("INTERNAL_ERROR")
			.jsonPath("$.errors[0].extensions.correlationId").isNotEmpty()
			.jsonPath("$.errors[0].message").value(String.class,
					message -> assertThat(message).matches("Unexpected error; correlation id [0-9a-f-]{36}"))
			.returnResult().getResponseBodyContent();

		var text = new String(body);
		assertThat(text).doesNotContain(SECRET, "Key (", "api_token", "SELECT", "Exception", "org.", "java.", "at io.");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token WHERE comment = ?", Integer.class, comment))
			.as("the failed write left nothing").isZero();
	}

	@Test
	void aBodyThatIsNotJsonIsABadRequestSayingSoWithoutInternals() {
		var body = client().post().header("Content-Type", "application/json").bodyValue("{\"query\": ")
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).startsWith("The request body is not valid JSON"))
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
			.returnResult().getResponseBodyContent();
		assertThat(new String(body)).doesNotContain("Exception", "jackson", "java.", "end-of-input");
	}

	@Test
	void aBodyWithoutAQueryIsABadRequestSayingSo() {
		client().post().bodyValue(Map.of("variables", Map.of()))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains("query"))
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
	}
}

package io.cores.platform.graphql.limits;

import org.junit.jupiter.api.Test;

import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cheap checks (root fields, aliases) run on the parsed document before the costly ones
 * (validation, which compares every pair of same-named fields, and complexity): a document
 * they refuse is refused for its shape even when validation or complexity would refuse it too,
 * which shows those never ran.
 */
class CheapRefusalsTest extends ApiTest {

	@Test
	void tooManyAliasesAreRefusedBeforeValidation() {
		assertOnlyError("{ hosts(first: 1) { nodes {" + aliases(31, "hostname") + " noSuchField } } }",
				"The operation has 31 aliases; the maximum is 30");
	}

	@Test
	void tooManyRootFieldsAreRefusedBeforeValidation() {
		var roots = new StringBuilder();
		for (int i = 0; i < 21; i++) {
			roots.append(" r").append(i).append(": noSuchRoot");
		}
		assertOnlyError("{" + roots + " }", "The operation has 21 root fields; the maximum is 20");
	}

	@Test
	void aWideCostlyDocumentIsRefusedForItsAliasesBeforeItsComplexityIsCounted() {
		assertOnlyError("{ hosts(first: 500) { nodes {" + aliases(200, "nics(first: 500) { nodes { mac } }") + " } } }",
				"The operation has 200 aliases; the maximum is 30");
	}

	private static String aliases(int count, String field) {
		var fields = new StringBuilder();
		for (int i = 0; i < count; i++) {
			fields.append(" a").append(i).append(": ").append(field);
		}
		return fields.toString();
	}

	private void assertOnlyError(String query, String message) {
		graphQl().document(query).execute().errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).isEqualTo(message)));
	}
}

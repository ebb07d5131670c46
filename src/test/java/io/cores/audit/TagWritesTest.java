package io.cores.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Tags: a unique name and slug, the slug and the colour in their form. */
@SuppressWarnings("unchecked")
class TagWritesTest extends ApiTest {

	private String staff;

	@BeforeEach
	void writer() {
		staff = "Token " + data().tokenFor("staff", "STAFF");
	}

	@Test
	void aTagsSlugAndColourKeepTheirFormAndTheSlugIsUnique() {
		var name = data().name("Fast Disks");
		assertThat(errors(createTag(name, "Fast Disks", "00ff00"))).extracting(e -> e.get("code"), e -> e.get("field"))
			.containsExactly(tuple("INVALID", List.of("input", "slug")));
		assertThat(errors(createTag(name, data().name("fast"), "#00FF00"))).extracting(e -> e.get("code"), e -> e.get("field"))
			.containsExactly(tuple("INVALID", List.of("input", "color")));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM tag WHERE name = ?", Integer.class, name)).isZero();
		assertThat(errors(createTag(name, data().name("fast"), "00ff00"))).isEmpty();
		assertThat(errors(createTag(data().name("other"), data().name("fast"), "00ff00"))).extracting(e -> e.get("code"), e -> e.get("field"))
			.containsExactly(tuple("NOT_UNIQUE", List.of("input", "slug")));
	}

	private Map<String, Object> createTag(String name, String slug, String color) {
		return mutate(staff, "mutation { createTag(input: { name: \"" + name + "\", slug: \"" + slug + "\", color: \"" + color
				+ "\" }) { tag { id } errors { code field } } }", "createTag");
	}

}

package io.cores.audit.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.audit.AuditedTypes;
import io.cores.audit.Tag;
import io.cores.audit.TagManagement;
import io.cores.identity.Access;
import io.cores.identity.Role;
import io.cores.platform.graphql.UserError.Code;
import io.cores.platform.graphql.write.WriteLink;
import io.cores.platform.graphql.write.WriteType;

/**
 * Tags are written by STAFF, who keep the inventory they label, through the generic write
 * path. Every rule's one place is a constraint of V9 (unique name and slug, the slug's and the
 * colour's form); the declaration says what each violation tells the client. Tagged objects
 * take their tags as an id list on their own inputs, or one at a time (tagObject).
 */
@Configuration(proxyBeanMethods = false)
class AuditWrites {

	@Bean
	WriteType<Tag> tagWrites() {
		return WriteType.of("Tag", Tag.class, () -> new Tag(null, null))
			.writtenBy(Access.role(Role.STAFF))
			.required("name", String.class, Tag::getName, Tag::setName)
			.required("slug", String.class, Tag::getSlug, Tag::setSlug)
			.required("color", String.class, Tag::getColor, Tag::setColor)
			.optional("description", String.class, Tag::getDescription, Tag::setDescription)
			.violation("tag_name_key", Code.NOT_UNIQUE, "Another tag has this name", "name")
			.violation("tag_slug_key", Code.NOT_UNIQUE, "Another tag has this slug", "slug")
			.violation("tag_slug_check", Code.INVALID, "A slug is lower-case letters and digits, in words joined by single hyphens",
					"slug")
			.violation("tag_color_check", Code.INVALID, "A colour is six lower-case hex digits, without '#'", "color")
			.repr(Tag::getName);
	}

	/**
	 * {@code tags: [ID!]} on the inputs of every taggable type: the write path checks the ids,
	 * this module keeps the tagged_item rows. The tags then show in the object's snapshots.
	 */
	@Bean
	WriteLink.Set tagLinks(TagManagement tagging) {
		return new WriteLink.Set(AuditedTypes.TAGGABLE.stream()
			.map(type -> new WriteLink(type, "tags", "Tag", key -> tagging.tagKeys(type, key),
					(key, tags) -> tagging.replaceTags(type, key, tags)))
			.toList());
	}
}

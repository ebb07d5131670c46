package io.cores.audit;

import io.cores.platform.persistence.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A label that can be put on hosts, NICs, labs, racks and bookables. */
@Entity
@Table(name = "tag")
public class Tag extends BaseEntity {

	private String name;

	/** URL-safe: lower-case words joined by hyphens. */
	private String slug;

	/** Six lower-case hex digits, without '#'. */
	private String color = "9e9e9e";

	private String description;

	protected Tag() {
	}

	public Tag(String name, String slug) {
		this.name = name;
		this.slug = slug;
	}

	public String getName() {
		return name;
	}

	public String getSlug() {
		return slug;
	}

	public String getColor() {
		return color;
	}

	public String getDescription() {
		return description;
	}

	public void setName(String name) {
		this.name = name;
	}

	public void setSlug(String slug) {
		this.slug = slug;
	}

	public void setColor(String color) {
		this.color = color;
	}

	public void setDescription(String description) {
		this.description = description;
	}
}

package io.cores.booking;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;

import io.cores.support.TestData;

/** The booking rows TestData has no builder for: projects, and holds with a project or cancelled. */
final class Holdings {

	private final JdbcTemplate jdbc;
	private final TestData data;

	Holdings(JdbcTemplate jdbc, TestData data) {
		this.jdbc = jdbc;
		this.data = data;
	}

	long project(String name) {
		return data.insert("INSERT INTO project (name) VALUES (?) RETURNING id", data.name(name));
	}

	void assignProject(long hold, long project) {
		jdbc.update("UPDATE hold SET project_id = ? WHERE id = ?", project, hold);
	}

	void cancel(long hold, OffsetDateTime at) {
		jdbc.update("UPDATE hold SET cancelled_at = ? WHERE id = ?", at, hold);
	}

	/** An active bookable on a fresh active host. */
	long activeBookable(String hostname) {
		return data.bookable(data.host(hostname, null, "ACTIVE"), "ACTIVE");
	}
}

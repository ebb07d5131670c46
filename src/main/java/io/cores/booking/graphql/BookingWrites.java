package io.cores.booking.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.booking.Bookable;
import io.cores.booking.BookableStatus;
import io.cores.booking.Project;
import io.cores.identity.Access;
import io.cores.identity.Role;
import io.cores.platform.graphql.UserError.Code;
import io.cores.platform.graphql.write.WriteType;

/**
 * Projects and bookables, written by the generic write path (SPEC.md: STAFF writes booking).
 * Holds are not here: their rules (ownership, overlap, active bookables) are
 * {@link io.cores.booking.HoldManagement}'s.
 */
@Configuration(proxyBeanMethods = false)
class BookingWrites {

	@Bean
	WriteType<Project> projectWrites() {
		return WriteType.of("Project", Project.class, () -> new Project(null, null))
			.writtenBy(Access.role(Role.STAFF))
			.required("name", String.class, Project::getName, Project::setName)
			.optional("description", String.class, Project::getDescription, Project::setDescription)
			.violation("project_name_key", Code.NOT_UNIQUE, "Another project has this name", "name")
			.repr(Project::getName);
	}

	@Bean
	WriteType<Bookable> bookableWrites() {
		return WriteType.of("Bookable", Bookable.class, () -> new Bookable(null))
			.writtenBy(Access.role(Role.STAFF))
			.reference("host", "Host", true, Bookable::getHostId, Bookable::setHostId)
			.required("status", BookableStatus.class, Bookable::getStatus, Bookable::setStatus)
			.optional("comment", String.class, Bookable::getComment, Bookable::setComment)
			.violation("bookable_host_key", Code.NOT_UNIQUE, "This host has a bookable already", "host")
			.repr(bookable -> "bookable of host " + bookable.getHostId());
	}
}

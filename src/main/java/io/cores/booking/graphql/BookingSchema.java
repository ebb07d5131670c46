package io.cores.booking.graphql;

import java.time.OffsetDateTime;

import io.cores.booking.Bookable;
import io.cores.booking.BookableStatus;
import io.cores.booking.Booking;
import io.cores.booking.Project;
import io.cores.booking.QBookable;
import io.cores.booking.QBooking;
import io.cores.booking.QProject;
import io.cores.booking.QReservation;
import io.cores.booking.Reservation;
import io.cores.platform.graphql.NodeType;
import io.cores.platform.graphql.Relation;
import io.cores.platform.graphql.ScalarKind;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The booking module's node types and relations (schema/booking.graphqls), including the
 * fields it adds to other modules' types: {@code Host.bookable}, {@code User.bookings}
 * and {@code User.reservations}.
 */
@Configuration(proxyBeanMethods = false)
public class BookingSchema {

	@Bean
	NodeType<Project, QProject> projectType() {
		return NodeType.of("Project", Project.class, QProject::new)
			.sortable("name", "NAME", ScalarKind.STRING, q -> q.name)
			.scalar("description", ScalarKind.STRING, q -> q.description);
	}

	@Bean
	NodeType<Bookable, QBookable> bookableType() {
		return NodeType.of("Bookable", Bookable.class, QBookable::new)
			.enumeration("status", BookableStatus.class, q -> q.status)
			.order("STATUS", q -> q.status)
			.scalar("comment", ScalarKind.STRING, q -> q.comment)
			.custom("availableDuring", new AvailableDuring());
	}

	@Bean
	NodeType<Booking, QBooking> bookingType() {
		return NodeType.of("Booking", Booking.class, QBooking::new)
			.sortable("start", "START", ScalarKind.DATE_TIME, q -> q.startsAt)
			.sortable("end", "END", ScalarKind.DATE_TIME, q -> q.endsAt)
			.sortable("cancelledAt", "CANCELLED_AT", ScalarKind.DATE_TIME, q -> q.cancelledAt)
			.scalar("comment", ScalarKind.STRING, q -> q.comment);
	}

	@Bean
	NodeType<Reservation, QReservation> reservationType() {
		return NodeType.of("Reservation", Reservation.class, QReservation::new)
			.sortable("start", "START", ScalarKind.DATE_TIME, q -> q.startsAt)
			.sortable("end", "END", ScalarKind.DATE_TIME, q -> q.endsAt)
			.sortable("cancelledAt", "CANCELLED_AT", ScalarKind.DATE_TIME, q -> q.cancelledAt)
			.scalar("comment", ScalarKind.STRING, q -> q.comment);
	}

	// Bookable <-> Host

	@Bean
	Relation bookableHostRelation() {
		return Relation.toOne("Bookable", "host", "Host", Bookable::getHostId, (QBookable b) -> b.hostId);
	}

	@Bean
	Relation hostBookableRelation() {
		return Relation.back("Host", "bookable", "Bookable", (QBookable b) -> b.hostId);
	}

	// Holds <-> Bookable

	@Bean
	Relation bookingBookableRelation() {
		return Relation.toOne("Booking", "bookable", "Bookable", Booking::getBookableId, (QBooking b) -> b.bookableId);
	}

	@Bean
	Relation bookableBookingsRelation() {
		return Relation.many("Bookable", "bookings", "Booking", (QBooking b) -> b.bookableId);
	}

	/** The bookings not yet over and not cancelled: what is still to come on this bookable. */
	@Bean
	Relation bookableCalendarRelation() {
		return Relation.many("Bookable", "calendar", "Booking", (QBooking b) -> b.bookableId,
				b -> b.endsAt.gt(OffsetDateTime.now()).and(b.cancelledAt.isNull()));
	}

	@Bean
	Relation reservationBookableRelation() {
		return Relation.toOne("Reservation", "bookable", "Bookable", Reservation::getBookableId,
				(QReservation r) -> r.bookableId);
	}

	@Bean
	Relation bookableReservationsRelation() {
		return Relation.many("Bookable", "reservations", "Reservation", (QReservation r) -> r.bookableId);
	}

	// Holds <-> User

	@Bean
	Relation bookingOwnerRelation() {
		return Relation.toOne("Booking", "owner", "User", Booking::getOwnerId, (QBooking b) -> b.ownerId);
	}

	@Bean
	Relation userBookingsRelation() {
		return Relation.many("User", "bookings", "Booking", (QBooking b) -> b.ownerId);
	}

	@Bean
	Relation reservationOwnerRelation() {
		return Relation.toOne("Reservation", "owner", "User", Reservation::getOwnerId, (QReservation r) -> r.ownerId);
	}

	@Bean
	Relation userReservationsRelation() {
		return Relation.many("User", "reservations", "Reservation", (QReservation r) -> r.ownerId);
	}

	// Holds <-> Project

	@Bean
	Relation bookingProjectRelation() {
		return Relation.toOne("Booking", "project", "Project", Booking::getProjectId, (QBooking b) -> b.projectId);
	}

	@Bean
	Relation projectBookingsRelation() {
		return Relation.many("Project", "bookings", "Booking", (QBooking b) -> b.projectId);
	}

	@Bean
	Relation reservationProjectRelation() {
		return Relation.toOne("Reservation", "project", "Project", Reservation::getProjectId,
				(QReservation r) -> r.projectId);
	}

	@Bean
	Relation projectReservationsRelation() {
		return Relation.many("Project", "reservations", "Reservation", (QReservation r) -> r.projectId);
	}
}

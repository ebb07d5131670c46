package io.cores.booking;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

/** How bookables, holds, users and projects lead to each other. */
class BookingRelationsTest extends ApiTest {

	private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

	private Holdings holdings;

	@BeforeEach
	void holdings() {
		holdings = new Holdings(jdbc, data());
	}

	@Test
	void hostBookableIsTheHostsOwnBookableAndNullForAHostThatIsNotBookable() {
		long host = data().host("bookable", null, "ACTIVE");
		long bookable = data().bookable(host, "SUSPENDED");
		data().host("plain", null, "ACTIVE");

		var response = graphQl().document("""
				query($prefix: String!) {
				  hosts(filter: { hostname: { startsWith: $prefix } }, orderBy: [{ field: HOSTNAME }]) {
				    nodes { hostname bookable { id status host { id } } }
				  }
				}""").variable("prefix", data().prefix()).execute();

		response.path("hosts.nodes[0].bookable.id").entity(String.class).isEqualTo(GlobalId.encode("Bookable", bookable));
		response.path("hosts.nodes[0].bookable.status").entity(String.class).isEqualTo("SUSPENDED");
		response.path("hosts.nodes[0].bookable.host.id").entity(String.class).isEqualTo(GlobalId.encode("Host", host));
		response.path("hosts.nodes[1].hostname").entity(String.class).isEqualTo(data().name("plain"));
		response.path("hosts.nodes[1].bookable").valueIsNull();
	}

	@Test
	void userBookingsAndReservationsListOnlyWhatTheUserHolds() {
		long alice = data().user("alice");
		long bob = data().user("bob");
		long box = holdings.activeBookable("box");
		long alicesBooking = data().booking(box, alice, now.plusDays(1), now.plusDays(2));
		long bobsBooking = data().booking(box, bob, now.plusDays(3), now.plusDays(4));
		long alicesReservation = data().reservation(box, alice, now.plusDays(5), null);

		var response = graphQl().document("""
				query($prefix: String!) {
				  users(filter: { username: { startsWith: $prefix } }, orderBy: [{ field: USERNAME }]) {
				    nodes {
				      username
				      bookings { totalCount nodes { id owner { username } } }
				      reservations { totalCount nodes { id } }
				    }
				  }
				}""").variable("prefix", data().prefix()).execute();

		response.path("users.nodes[*].username").entityList(String.class)
			.containsExactly(data().name("alice"), data().name("bob"));
		response.path("users.nodes[0].bookings.nodes[*].id").entityList(String.class)
			.containsExactly(GlobalId.encode("Booking", alicesBooking));
		response.path("users.nodes[0].bookings.nodes[0].owner.username").entity(String.class).isEqualTo(data().name("alice"));
		response.path("users.nodes[0].reservations.nodes[*].id").entityList(String.class)
			.containsExactly(GlobalId.encode("Reservation", alicesReservation));
		response.path("users.nodes[1].bookings.nodes[*].id").entityList(String.class)
			.containsExactly(GlobalId.encode("Booking", bobsBooking));
		response.path("users.nodes[1].reservations.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void projectBookingsListTheBookingsMadeForTheProject() {
		long owner = data().user("owner");
		long box = holdings.activeBookable("box");
		long project = holdings.project("apollo");
		long other = holdings.project("gemini");
		long forProject = data().booking(box, owner, now.plusDays(1), now.plusDays(2));
		holdings.assignProject(forProject, project);
		long forOther = data().booking(box, owner, now.plusDays(3), now.plusDays(4));
		holdings.assignProject(forOther, other);
		data().booking(box, owner, now.plusDays(5), now.plusDays(6));
		long reservation = data().reservation(box, owner, now.plusDays(7), null);
		holdings.assignProject(reservation, project);

		var response = graphQl().document("""
				query($id: ID!) {
				  project(id: $id) {
				    name
				    bookings { totalCount nodes { id project { name } } }
				    reservations { nodes { id } }
				  }
				}""").variable("id", GlobalId.encode("Project", project)).execute();

		response.path("project.bookings.totalCount").entity(Integer.class).isEqualTo(1);
		response.path("project.bookings.nodes[0].id").entity(String.class).isEqualTo(GlobalId.encode("Booking", forProject));
		response.path("project.bookings.nodes[0].project.name").entity(String.class).isEqualTo(data().name("apollo"));
		response.path("project.reservations.nodes[*].id").entityList(String.class)
			.containsExactly(GlobalId.encode("Reservation", reservation));
	}

	@Test
	void bookingsCanBeFilteredByTheirBookablesHost() {
		long owner = data().user("owner");
		long box = holdings.activeBookable("box");
		long booking = data().booking(box, owner, now.plusDays(1), now.plusDays(2));
		data().booking(holdings.activeBookable("other"), owner, now.plusDays(1), now.plusDays(2));

		graphQl().document("""
				query($hostname: String!) {
				  bookings(filter: { bookable: { host: { hostname: { eq: $hostname } } } }) { nodes { id } }
				}""").variable("hostname", data().name("box")).execute()
			.path("bookings.nodes[*].id").entityList(String.class).containsExactly(GlobalId.encode("Booking", booking));
	}
}

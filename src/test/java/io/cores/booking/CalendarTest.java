package io.cores.booking;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

/** A bookable's calendar: the bookings still to come, running ones included, cancelled ones not. */
class CalendarTest extends ApiTest {

	private static final String CALENDAR = """
			query($id: ID!) {
			  bookable(id: $id) {
			    calendar(orderBy: [{ field: START }]) { totalCount nodes { id } }
			    bookings(orderBy: [{ field: START }]) { totalCount nodes { id } }
			  }
			}""";

	private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

	private Holdings holdings;
	private long owner;
	private long bookable;

	@BeforeEach
	void anActiveBookable() {
		holdings = new Holdings(jdbc, data());
		owner = data().user("owner");
		bookable = holdings.activeBookable("box");
	}

	@Test
	void calendarListsOnlyFutureLiveBookingsInStartOrder() {
		long past = data().booking(bookable, owner, now.minusDays(2), now.minusDays(1));
		long later = data().booking(bookable, owner, now.plusDays(3), now.plusDays(4));
		long running = data().booking(bookable, owner, now.minusHours(1), now.plusHours(1));
		long cancelled = data().booking(bookable, owner, now.plusDays(1), now.plusDays(2));
		holdings.cancel(cancelled, now.minusMinutes(5));
		long soon = data().booking(bookable, owner, now.plusHours(2), now.plusHours(3));
		data().reservation(bookable, owner, now.plusDays(10), null);
		data().booking(holdings.activeBookable("other"), owner, now.plusDays(1), now.plusDays(2));

		var response = graphQl().document(CALENDAR).variable("id", GlobalId.encode("Bookable", bookable)).execute();

		response.path("bookable.calendar.nodes[*].id").entityList(String.class)
			.containsExactly(id(running), id(soon), id(later));
		response.path("bookable.calendar.totalCount").entity(Integer.class).isEqualTo(3);
		response.path("bookable.bookings.nodes[*].id").entityList(String.class)
			.containsExactly(id(past), id(running), id(soon), id(cancelled), id(later));
	}

	@Test
	void aBookingThatHasJustEndedIsOffTheCalendar() {
		data().booking(bookable, owner, now.minusHours(2), now.minusSeconds(1));

		graphQl().document(CALENDAR).variable("id", GlobalId.encode("Bookable", bookable)).execute()
			.path("bookable.calendar.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void calendarsOfManyBookablesStayApart() {
		long other = holdings.activeBookable("other");
		long mine = data().booking(bookable, owner, now.plusDays(1), now.plusDays(2));
		long theirs = data().booking(other, owner, now.plusDays(1), now.plusDays(2));

		var response = graphQl().document("""
				query($prefix: String!) {
				  bookables(filter: { host: { hostname: { startsWith: $prefix } } }, orderBy: [{ field: ID }]) {
				    nodes { calendar { nodes { id bookable { id } } } }
				  }
				}""").variable("prefix", data().prefix()).execute();

		response.path("bookables.nodes[0].calendar.nodes[*].id").entityList(String.class).containsExactly(id(mine));
		response.path("bookables.nodes[1].calendar.nodes[*].id").entityList(String.class).containsExactly(id(theirs));
		response.path("bookables.nodes[1].calendar.nodes[0].bookable.id").entity(String.class)
			.isEqualTo(GlobalId.encode("Bookable", other));
	}

	private static String id(long booking) {
		return GlobalId.encode("Booking", booking);
	}
}

package io.cores.booking;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What a bookable answers about one moment: freeAt, bookingAt and reservedAt. */
class BookableQuestionsTest extends ApiTest {

	private static final String AT = """
			query($id: ID!, $time: DateTime!) {
			  bookable(id: $id) {
			    freeAt(time: $time)
			    bookingAt(time: $time) { id }
			    reservedAt(time: $time) { id }
			  }
			}""";

	private static final String RESERVED_AT = """
			query($id: ID!, $time: DateTime!, $ignore: ID) {
			  bookable(id: $id) { reservedAt(time: $time, ignore: $ignore) { id } }
			}""";

	private final OffsetDateTime noon = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusDays(2);

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
	void freeAtIsTrueWhenNothingHoldsTheBookable() {
		var answer = ask(noon);
		assertThat(answer).containsEntry("freeAt", true).containsEntry("bookingAt", null).containsEntry("reservedAt", null);
	}

	@Test
	void freeAtIsFalseWhileABookingCoversTheTime() {
		long booking = data().booking(bookable, owner, noon.minusHours(1), noon.plusHours(1));

		var answer = ask(noon);
		assertThat(answer).containsEntry("freeAt", false).containsEntry("reservedAt", null);
		assertThat(answer.get("bookingAt")).isEqualTo(Map.of("id", GlobalId.encode("Booking", booking)));
	}

	@Test
	void aBookingHoldsFromItsStartButIsOverAtItsEnd() {
		long booking = data().booking(bookable, owner, noon, noon.plusHours(2));

		assertThat(ask(noon.minusSeconds(1))).containsEntry("freeAt", true).containsEntry("bookingAt", null);
		assertThat(ask(noon)).containsEntry("freeAt", false)
			.containsEntry("bookingAt", Map.of("id", GlobalId.encode("Booking", booking)));
		assertThat(ask(noon.plusHours(2).minusSeconds(1))).containsEntry("freeAt", false);
		assertThat(ask(noon.plusHours(2))).containsEntry("freeAt", true).containsEntry("bookingAt", null);
	}

	@Test
	void aReservationMakesTheBookableUnfreeButIsNoBooking() {
		long reservation = data().reservation(bookable, owner, noon.minusHours(1), noon.plusHours(1));

		var answer = ask(noon);
		assertThat(answer).containsEntry("freeAt", false).containsEntry("bookingAt", null);
		assertThat(answer.get("reservedAt")).isEqualTo(Map.of("id", GlobalId.encode("Reservation", reservation)));
	}

	@Test
	void anOpenReservationHoldsEveryMomentFromItsStart() {
		long reservation = data().reservation(bookable, owner, noon, null);

		assertThat(ask(noon.minusSeconds(1))).containsEntry("freeAt", true).containsEntry("reservedAt", null);
		var yearsLater = ask(noon.plusYears(5));
		assertThat(yearsLater).containsEntry("freeAt", false);
		assertThat(yearsLater.get("reservedAt")).isEqualTo(Map.of("id", GlobalId.encode("Reservation", reservation)));
	}

	@Test
	void theEndOfAReservationIsExclusive() {
		data().reservation(bookable, owner, noon.minusHours(3), noon);

		assertThat(ask(noon.minusSeconds(1))).containsEntry("freeAt", false);
		assertThat(ask(noon)).containsEntry("freeAt", true).containsEntry("reservedAt", null);
	}

	@Test
	void aCancelledHoldCoversNothing() {
		long booking = data().booking(bookable, owner, noon.minusHours(1), noon.plusHours(1));
		holdings.cancel(booking, noon.minusDays(1));
		long reservation = data().reservation(bookable, owner, noon.minusHours(1), null);
		holdings.cancel(reservation, noon.minusDays(1));

		var answer = ask(noon);
		assertThat(answer).containsEntry("freeAt", true).containsEntry("bookingAt", null).containsEntry("reservedAt", null);
	}

	@Test
	void aCancelledBookingLeavesTheBookingThatReplacedItVisible() {
		long cancelled = data().booking(bookable, owner, noon.minusHours(1), noon.plusHours(1));
		holdings.cancel(cancelled, noon.minusDays(1));
		long replacement = data().booking(bookable, owner, noon.minusHours(2), noon.plusHours(2));

		assertThat(ask(noon).get("bookingAt")).isEqualTo(Map.of("id", GlobalId.encode("Booking", replacement)));
	}

	@Test
	void aMomentInAnotherOffsetIsTheSameInstant() {
		data().booking(bookable, owner, noon, noon.plusHours(1));

		var sameInstantInBerlinSummer = noon.withOffsetSameInstant(ZoneOffset.ofHours(2));
		assertThat(ask(sameInstantInBerlinSummer)).containsEntry("freeAt", false);
		assertThat(ask(noon.plusHours(1).withOffsetSameInstant(ZoneOffset.ofHours(-5)))).containsEntry("freeAt", true);
	}

	@Test
	void holdsOnOtherBookablesDoNotCount() {
		long other = holdings.activeBookable("other");
		data().booking(other, owner, noon.minusHours(1), noon.plusHours(1));
		data().reservation(holdings.activeBookable("third"), owner, noon.minusHours(2), null);

		assertThat(ask(noon)).containsEntry("freeAt", true).containsEntry("bookingAt", null).containsEntry("reservedAt", null);
	}

	@Test
	void reservedAtIgnoresTheReservationBeingEdited() {
		long reservation = data().reservation(bookable, owner, noon.minusHours(1), noon.plusHours(1));
		var id = GlobalId.encode("Reservation", reservation);

		graphQl().document(RESERVED_AT).variable("id", GlobalId.encode("Bookable", bookable))
			.variable("time", noon.toString()).variable("ignore", null)
			.execute().path("bookable.reservedAt.id").entity(String.class).isEqualTo(id);
		graphQl().document(RESERVED_AT).variable("id", GlobalId.encode("Bookable", bookable))
			.variable("time", noon.toString()).variable("ignore", id)
			.execute().path("bookable.reservedAt").valueIsNull();
	}

	@Test
	void reservedAtIgnoringAnotherReservationStillFindsTheOneThatCovers() {
		long covering = data().reservation(bookable, owner, noon.minusHours(1), noon.plusHours(1));
		long later = data().reservation(bookable, owner, noon.plusHours(5), null);

		graphQl().document(RESERVED_AT).variable("id", GlobalId.encode("Bookable", bookable))
			.variable("time", noon.toString()).variable("ignore", GlobalId.encode("Reservation", later))
			.execute().path("bookable.reservedAt.id").entity(String.class)
			.isEqualTo(GlobalId.encode("Reservation", covering));
	}

	@Test
	void oneQueryMayAskWithAndWithoutIgnoringAReservation() {
		long reservation = data().reservation(bookable, owner, noon.minusHours(1), noon.plusHours(1));
		var id = GlobalId.encode("Reservation", reservation);

		graphQl().document("""
				query($id: ID!, $time: DateTime!, $ignore: ID) {
				  bookable(id: $id) {
				    editing: reservedAt(time: $time, ignore: $ignore) { id }
				    viewing: reservedAt(time: $time) { id }
				  }
				}""").variable("id", GlobalId.encode("Bookable", bookable)).variable("time", noon.toString())
			.variable("ignore", id).execute()
			.path("bookable.editing").valueIsNull()
			.path("bookable.viewing.id").entity(String.class).isEqualTo(id);
	}

	@Test
	void reservedAtIgnoringAnIdOfAnotherTypeIsABadRequestNamingIgnore() {
		long booking = data().booking(bookable, owner, noon.minusHours(1), noon.plusHours(1));

		graphQl().document(RESERVED_AT).variable("id", GlobalId.encode("Bookable", bookable))
			.variable("time", noon.toString()).variable("ignore", GlobalId.encode("Booking", booking))
			.execute().errors()
			.expect(e -> "BAD_REQUEST".equals(String.valueOf(e.getExtensions().get("classification")))
					&& "ignore".equals(e.getExtensions().get("argument"))
					&& e.getMessage().startsWith("ignore:"))
			.verify();
	}

	@Test
	void reservedAtIgnoringAMalformedIdIsABadRequestNamingIgnore() {
		graphQl().document(RESERVED_AT).variable("id", GlobalId.encode("Bookable", bookable))
			.variable("time", noon.toString()).variable("ignore", "not an id")
			.execute().errors()
			.expect(e -> "BAD_REQUEST".equals(String.valueOf(e.getExtensions().get("classification")))
					&& "ignore".equals(e.getExtensions().get("argument")))
			.verify();
	}

	private Map<String, Object> ask(OffsetDateTime time) {
		return graphQl().document(AT).variable("id", GlobalId.encode("Bookable", bookable)).variable("time", time.toString())
			.execute().path("bookable").entity(Map.class).get();
	}
}

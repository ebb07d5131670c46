package io.cores.booking;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;
import io.cores.support.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code availableDuring} finds the bookables no live hold covers during [start, end), alone and inside other filters. */
class AvailableDuringTest extends ApiTest {

	private final OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusDays(10);
	private final OffsetDateTime end = start.plusHours(4);

	private long free;
	private long booked;
	private long cancelled;
	private long backToBack;
	private long reservedOpen;
	private long suspendedFree;

	@BeforeEach
	void bookablesInEveryState() {
		var holdings = new Holdings(jdbc, data());
		long owner = data().user("owner");
		free = holdings.activeBookable("free");
		data().booking(free, owner, start.minusDays(3), start.minusDays(2));

		booked = holdings.activeBookable("booked");
		data().booking(booked, owner, start.plusHours(3), end.plusHours(1));

		cancelled = holdings.activeBookable("cancelled");
		long gone = data().booking(cancelled, owner, start, end);
		holdings.cancel(gone, start.minusDays(9));

		backToBack = holdings.activeBookable("adjacent");
		data().booking(backToBack, owner, start.minusHours(2), start);
		data().reservation(backToBack, owner, end, null);

		reservedOpen = holdings.activeBookable("reserved");
		data().reservation(reservedOpen, owner, start.minusDays(1), null);

		suspendedFree = data().bookable(data().host("suspended", null, "ACTIVE"), "SUSPENDED");
	}

	@Test
	void onlyBookablesNoLiveHoldCoversAreAvailable() {
		assertThat(bookables("availableDuring: { start: $start, end: $end }"))
			.containsExactlyInAnyOrder(id(free), id(cancelled), id(backToBack), id(suspendedFree));
	}

	@Test
	void withoutAnEndThePeriodNeverEnds() {
		assertThat(bookables("availableDuring: { start: $start }")).containsExactlyInAnyOrder(id(free), id(cancelled),
				id(suspendedFree));
	}

	@Test
	void availabilityCombinesWithOtherFilters() {
		assertThat(bookables("availableDuring: { start: $start, end: $end }, status: { eq: ACTIVE }"))
			.containsExactlyInAnyOrder(id(free), id(cancelled), id(backToBack));
		assertThat(bookables("not: { availableDuring: { start: $start, end: $end } }"))
			.containsExactlyInAnyOrder(id(booked), id(reservedOpen));
		assertThat(bookables("or: [{ availableDuring: { start: $start, end: $end }, status: { eq: SUSPENDED } }, "
				+ "{ id: { eq: \"" + id(booked) + "\" } }]")).containsExactlyInAnyOrder(id(suspendedFree), id(booked));

		var hosts = graphQl().document("""
				query($prefix: String!, $start: DateTime!, $end: DateTime!) {
				  hosts(filter: { hostname: { startsWith: $prefix }, bookable: { availableDuring: { start: $start, end: $end }, status: { eq: ACTIVE } } }) {
				    nodes { bookable { id } }
				  }
				}""").variable("prefix", data().prefix()).variable("start", start.toString()).variable("end", end.toString())
			.execute().path("hosts.nodes[*].bookable.id").entityList(String.class).get();
		assertThat(hosts).as("through the host's relation").containsExactlyInAnyOrder(id(free), id(cancelled), id(backToBack));
	}

	@Test
	void aPeriodThatEndsBeforeItStartsIsABadArgument() {
		graphQl().document("""
				query($start: DateTime!, $end: DateTime!) {
				  bookables(filter: { availableDuring: { start: $start, end: $end } }) { nodes { id } }
				}""").variable("start", end.toString()).variable("end", start.toString()).execute().errors()
			.expect(e -> e.getMessage().contains("availableDuring.end")).verify();
	}

	@Test
	void availabilityIsPartOfThePagesOwnStatement() {
		bookables("status: { eq: ACTIVE }");
		SqlStatements.reset();
		bookables("status: { eq: ACTIVE }");
		int plain = SqlStatements.count();
		SqlStatements.reset();
		bookables("status: { eq: ACTIVE }, availableDuring: { start: $start, end: $end }");
		assertThat(SqlStatements.count()).isEqualTo(plain);
	}

	private java.util.List<String> bookables(String filter) {
		var variables = "$prefix: String!" + (filter.contains("$start") ? ", $start: DateTime!" : "")
				+ (filter.contains("$end") ? ", $end: DateTime!" : "");
		var request = graphQl().document("query(" + variables + ") { bookables(filter: { host: { "
				+ "hostname: { startsWith: $prefix } }, " + filter + " }, first: 100) { nodes { id } } }")
			.variable("prefix", data().prefix());
		if (filter.contains("$start")) {
			request = request.variable("start", start.toString());
		}
		if (filter.contains("$end")) {
			request = request.variable("end", end.toString());
		}
		return request.execute().path("bookables.nodes[*].id").entityList(String.class).get();
	}

	private static String id(long bookable) {
		return GlobalId.encode("Bookable", bookable);
	}
}

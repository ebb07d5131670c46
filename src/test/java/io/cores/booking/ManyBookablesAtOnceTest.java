package io.cores.booking;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;
import io.cores.support.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/** The moment questions asked of many bookables in one query: each bookable gets its own answer. */
class ManyBookablesAtOnceTest extends ApiTest {

	private static final String SCHEDULE = """
			query($prefix: String!, $time: DateTime!, $later: DateTime!) {
			  bookables(filter: { host: { hostname: { startsWith: $prefix } } }, orderBy: [{ field: ID }], first: 100) {
			    nodes {
			      host { hostname }
			      freeAt(time: $time)
			      bookingAt(time: $time) { id }
			      reservedAt(time: $time) { id }
			      freeLater: freeAt(time: $later)
			    }
			  }
			}""";

	private final OffsetDateTime noon = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusDays(3);

	private Holdings holdings;
	private long owner;

	@BeforeEach
	void anOwner() {
		holdings = new Holdings(jdbc, data());
		owner = data().user("owner");
	}

	@Test
	void freeAtForManyBookablesInOneQueryAnswersEachBookable() {
		long booked = holdings.activeBookable("a-booked");
		long reserved = holdings.activeBookable("b-reserved");
		long free = holdings.activeBookable("c-free");
		long cancelled = holdings.activeBookable("d-cancelled");
		long bookedLater = holdings.activeBookable("e-booked-later");
		long booking = data().booking(booked, owner, noon.minusHours(1), noon.plusHours(1));
		long reservation = data().reservation(reserved, owner, noon.minusDays(1), null);
		holdings.cancel(data().booking(cancelled, owner, noon.minusHours(1), noon.plusHours(1)), noon.minusDays(2));
		data().booking(bookedLater, owner, noon.plusHours(4), noon.plusHours(6));

		var rows = schedule(noon, noon.plusHours(5));

		assertThat(rows).containsOnlyKeys(data().name("a-booked"), data().name("b-reserved"), data().name("c-free"),
				data().name("d-cancelled"), data().name("e-booked-later"));
		assertThat(rows.get(data().name("a-booked"))).containsEntry("freeAt", false)
			.containsEntry("bookingAt", Map.of("id", GlobalId.encode("Booking", booking)))
			.containsEntry("reservedAt", null)
			.containsEntry("freeLater", true);
		assertThat(rows.get(data().name("b-reserved"))).containsEntry("freeAt", false)
			.containsEntry("bookingAt", null)
			.containsEntry("reservedAt", Map.of("id", GlobalId.encode("Reservation", reservation)))
			.containsEntry("freeLater", false);
		assertThat(rows.get(data().name("c-free"))).containsEntry("freeAt", true)
			.containsEntry("bookingAt", null).containsEntry("reservedAt", null).containsEntry("freeLater", true);
		assertThat(rows.get(data().name("d-cancelled"))).containsEntry("freeAt", true)
			.containsEntry("bookingAt", null).containsEntry("freeLater", true);
		assertThat(rows.get(data().name("e-booked-later"))).containsEntry("freeAt", true)
			.containsEntry("bookingAt", null).containsEntry("freeLater", false);
	}

	@Test
	void askingManyBookablesTakesNoMoreStatementsThanAskingTwo() {
		for (int i = 0; i < 2; i++) {
			data().booking(holdings.activeBookable("few-" + i), owner, noon.minusHours(1), noon.plusHours(1));
		}
		for (int i = 0; i < 12; i++) {
			long bookable = holdings.activeBookable("many-" + i);
			if (i % 2 == 0) {
				data().booking(bookable, owner, noon.minusHours(1), noon.plusHours(1));
			}
		}

		schedule(data().name("few"), noon, noon.plusHours(5));
		SqlStatements.reset();
		var few = schedule(data().name("few"), noon, noon.plusHours(5));
		int forFew = SqlStatements.count();
		SqlStatements.reset();
		var many = schedule(data().name("many"), noon, noon.plusHours(5));
		int forMany = SqlStatements.count();

		assertThat(few).hasSize(2);
		assertThat(many).hasSize(12);
		assertThat(many.values()).filteredOn(row -> Boolean.FALSE.equals(row.get("freeAt"))).hasSize(6);
		assertThat(forMany).isEqualTo(forFew);
	}

	private Map<String, Map<String, Object>> schedule(OffsetDateTime time, OffsetDateTime later) {
		return schedule(data().prefix(), time, later);
	}

	/** The bookables whose hostname starts with {@code prefix} followed by a hyphen, by hostname. */
	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> schedule(String prefix, OffsetDateTime time, OffsetDateTime later) {
		List<Map<String, Object>> nodes = graphQl().document(SCHEDULE).variable("prefix", prefix + "-")
			.variable("time", time.toString()).variable("later", later.toString())
			.execute().path("bookables.nodes").entityList(Map.class).get().stream()
			.map(node -> (Map<String, Object>) node).toList();
		var byHost = new LinkedHashMap<String, Map<String, Object>>();
		for (var node : nodes) {
			byHost.put((String) ((Map<String, Object>) node.get("host")).get("hostname"), node);
		}
		return byHost;
	}
}

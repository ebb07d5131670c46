package io.cores.booking;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;
import io.cores.support.LockWaits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds never overlap, however many writers race: the bookable's lock orders them and the
 * exclusion constraint is the last guard; a loser is told OVERLAP, never an internal error.
 * The random run's size is {@code -Dcores.test.random-holds=10000} for the full 10,000
 * (the default, 1,000, keeps the build quick on a small machine).
 */
@SuppressWarnings("unchecked")
class ConcurrentHoldsTest extends ApiTest {

	private static final int RANDOM_HOLDS = Integer.getInteger("cores.test.random-holds", 1_000);

	private final OffsetDateTime base = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusDays(1);

	@Autowired
	private DataSource dataSource;

	private Holdings holdings;
	private String user;

	@BeforeEach
	void aUser() {
		holdings = new Holdings(jdbc, data());
		user = "Token " + data().tokenFor("booker", "USER");
	}

	@Test
	void twoHundredOverlappingBookingsAtOnceGiveOneBooking() throws Exception {
		long bookable = holdings.activeBookable("contended");
		var pool = Executors.newFixedThreadPool(16);
		var calls = new ArrayList<Callable<Map<String, Object>>>();
		for (int i = 0; i < 200; i++) {
			// every period covers [base + 200 min, base + 300 min)
			var start = base.plusMinutes(i);
			var end = base.plusMinutes(300 + i);
			calls.add(() -> post("createBooking", "CreateBookingInput", input(bookable, start, end), "booking { id }"));
		}
		var codes = new ArrayList<String>();
		int booked = 0;
		for (var result : pool.invokeAll(calls)) {
			var answer = result.get();
			assertThat(answer.get("errors")).as("no GraphQL error: " + answer).isNull();
			var payload = (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("createBooking");
			var errors = (List<Map<String, Object>>) payload.get("errors");
			if (errors.isEmpty()) {
				booked++;
			}
			errors.forEach(e -> codes.add((String) e.get("code")));
		}
		pool.shutdown();
		assertThat(booked).isEqualTo(1);
		assertThat(codes).hasSize(199).containsOnly("OVERLAP");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM hold WHERE bookable_id = ?", Integer.class, bookable)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM object_change WHERE object_type = 'Booking' AND object_id IN "
				+ "(SELECT id FROM hold WHERE bookable_id = ?)", Integer.class, bookable)).isEqualTo(1);
	}

	@Test
	void randomHoldsFromManyWritersNeverOverlap() throws Exception {
		var bookables = new ArrayList<Long>();
		for (int i = 0; i < 20; i++) {
			bookables.add(holdings.activeBookable("random-" + i));
		}
		var pool = Executors.newFixedThreadPool(32);
		var outcomes = new ConcurrentHashMap<String, AtomicInteger>();
		var calls = new ArrayList<Callable<Void>>();
		var random = new Random(RANDOM_HOLDS);
		for (int i = 0; i < RANDOM_HOLDS; i++) {
			long bookable = bookables.get(random.nextInt(bookables.size()));
			var start = base.plusMinutes(15L * random.nextInt(4 * 24 * 30));
			var end = start.plusMinutes(15L * (1 + random.nextInt(4 * 24)));
			boolean booking = random.nextBoolean();
			// now and then an open reservation, which holds its bookable from its start on
			boolean open = !booking && random.nextInt(200) == 0;
			calls.add(() -> {
				var answer = booking ? post("createBooking", "CreateBookingInput", input(bookable, start, end), "booking { id }")
						: post("createReservation", "CreateReservationInput", input(bookable, start, open ? null : end),
								"reservation { id }");
				if (answer.get("errors") != null) {
					outcomes.computeIfAbsent("GraphQL error " + answer.get("errors"), k -> new AtomicInteger()).incrementAndGet();
					return null;
				}
				var payload = (Map<String, Object>) ((Map<String, Object>) answer.get("data"))
					.get(booking ? "createBooking" : "createReservation");
				var errors = (List<Map<String, Object>>) payload.get("errors");
				var outcome = errors.isEmpty() ? "placed" : (String) errors.get(0).get("code");
				outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
				return null;
			});
		}
		long began = System.nanoTime();
		for (var result : pool.invokeAll(calls)) {
			result.get();
		}
		pool.shutdown();
		org.slf4j.LoggerFactory.getLogger(ConcurrentHoldsTest.class).info("{} random holds in {} ms: {}", RANDOM_HOLDS,
				(System.nanoTime() - began) / 1_000_000, outcomes);

		assertThat(outcomes.keySet()).as("outcomes " + outcomes).containsOnly("placed", "OVERLAP");
		int placed = outcomes.get("placed").get();
		assertThat(placed).isGreaterThan(RANDOM_HOLDS / 20);
		var ids = bookables.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM hold WHERE bookable_id IN (" + ids + ")", Integer.class))
			.isEqualTo(placed);
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM hold a JOIN hold b
				  ON a.bookable_id = b.bookable_id AND a.id < b.id
				 AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')
				WHERE a.cancelled_at IS NULL AND b.cancelled_at IS NULL AND a.bookable_id IN (""" + ids + ")", Integer.class))
			.as("overlapping live pairs").isZero();
	}

	/**
	 * A writer that skips the bookable's lock (plain SQL) and holds its overlapping hold
	 * uncommitted: the mutation's check cannot see it, its insert waits on the exclusion
	 * constraint, and once the other commits, the constraint's refusal is the same OVERLAP.
	 */
	@Test
	void aWriterThatRacedPastTheCheckIsStoppedByTheConstraintWithOverlap() throws Exception {
		long bookable = holdings.activeBookable("raced");
		long owner = data().user("racer");
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var insert = connection.prepareStatement("INSERT INTO hold (kind, bookable_id, owner_id, starts_at, ends_at) "
					+ "VALUES ('BOOKING', ?, ?, ?, ?)")) {
				insert.setLong(1, bookable);
				insert.setLong(2, owner);
				insert.setObject(3, base);
				insert.setObject(4, base.plusHours(2));
				insert.execute();
			}
			var response = CompletableFuture.supplyAsync(() -> post("createBooking", "CreateBookingInput",
					input(bookable, base.plusHours(1), base.plusHours(3)), "booking { id }"));
			LockWaits.awaitBlocked(jdbc, "insert into hold");
			connection.commit();
			var answer = response.get(30, TimeUnit.SECONDS);
			assertThat(answer.get("errors")).as("no GraphQL error").isNull();
			var payload = (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("createBooking");
			assertThat(payload.get("booking")).isNull();
			assertThat((List<Map<String, Object>>) payload.get("errors")).extracting(e -> e.get("code")).containsExactly("OVERLAP");
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM hold WHERE bookable_id = ?", Integer.class, bookable)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM object_change WHERE object_type = 'Booking' AND object_id IN "
				+ "(SELECT id FROM hold WHERE bookable_id = ?)", Integer.class, bookable)).as("nothing logged").isZero();
	}

	private static Map<String, Object> input(long bookable, OffsetDateTime start, OffsetDateTime end) {
		var input = new LinkedHashMap<String, Object>();
		input.put("bookable", GlobalId.encode("Bookable", bookable));
		input.put("start", start.toString());
		if (end != null) {
			input.put("end", end.toString());
		}
		return input;
	}

	/** The whole response, so that GraphQL errors are seen rather than thrown. */
	private Map<String, Object> post(String mutation, String inputType, Map<String, Object> input, String selection) {
		var document = "mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { " + selection
				+ " errors { code message } } }";
		// under 32 writers on a small shared machine a request may queue for seconds
		return client().mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build().post().header("Authorization", user)
			.bodyValue(Map.of("query", document, "variables", Map.of("input", input))).exchange()
			.expectStatus().isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			}).returnResult().getResponseBody();
	}
}

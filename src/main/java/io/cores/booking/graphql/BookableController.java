package io.cores.booking.graphql;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import io.cores.booking.Bookable;
import io.cores.booking.Booking;
import io.cores.booking.Holds;
import io.cores.booking.Reservation;
import io.cores.platform.graphql.GlobalId;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * The questions a bookable answers about a moment: {@code freeAt}, {@code bookingAt} and
 * {@code reservedAt}. Each is batched: all bookables asked about with the same arguments
 * in one request are answered by one query.
 */
@Controller
public class BookableController {

	private static final String FREE_AT = "booking.freeAt";
	private static final String BOOKING_AT = "booking.bookingAt";
	private static final String RESERVED_AT = "booking.reservedAt";

	/** The arguments of one question; the batch runs one query per distinct value. */
	record Moment(OffsetDateTime time, Long ignoredReservationId) {

		/** Equal instants in different offsets are one moment, so they share a query. */
		static Moment of(OffsetDateTime time, Long ignoredReservationId) {
			return new Moment(time.withOffsetSameInstant(ZoneOffset.UTC), ignoredReservationId);
		}
	}

	/** The batch loaders' key: which bookable, asked about which moment. */
	record BookableAt(long bookableId, Moment moment) {
	}

	public BookableController(BatchLoaderRegistry registry, Holds holds) {
		registry.<BookableAt, Boolean>forName(FREE_AT)
			.registerMappedBatchLoader((keys, env) -> Mono.just(perMoment(keys,
					(ids, moment) -> holds.freeAt(ids, moment.time()))));
		registry.<BookableAt, Booking>forName(BOOKING_AT)
			.registerMappedBatchLoader((keys, env) -> Mono.just(perMoment(keys,
					(ids, moment) -> holds.bookingsAt(ids, moment.time()))));
		registry.<BookableAt, Reservation>forName(RESERVED_AT)
			.registerMappedBatchLoader((keys, env) -> Mono.just(perMoment(keys,
					(ids, moment) -> holds.reservationsAt(ids, moment.time(), moment.ignoredReservationId()))));
	}

	@SchemaMapping(typeName = "Bookable")
	public CompletableFuture<Boolean> freeAt(Bookable bookable, @Argument OffsetDateTime time,
			DataFetchingEnvironment env) {
		return env.<BookableAt, Boolean>getDataLoader(FREE_AT)
			.load(new BookableAt(bookable.getId(), Moment.of(time, null)));
	}

	@SchemaMapping(typeName = "Bookable")
	public CompletableFuture<Booking> bookingAt(Bookable bookable, @Argument OffsetDateTime time,
			DataFetchingEnvironment env) {
		return env.<BookableAt, Booking>getDataLoader(BOOKING_AT)
			.load(new BookableAt(bookable.getId(), Moment.of(time, null)));
	}

	@SchemaMapping(typeName = "Bookable")
	public CompletableFuture<Reservation> reservedAt(Bookable bookable, @Argument OffsetDateTime time,
			@Argument String ignore, DataFetchingEnvironment env) {
		Long ignored = ignore == null ? null : GlobalId.decodeKey(ignore, "Reservation", "ignore");
		return env.<BookableAt, Reservation>getDataLoader(RESERVED_AT)
			.load(new BookableAt(bookable.getId(), Moment.of(time, ignored)));
	}

	/** Groups the keys by their arguments and answers each group with one call of {@code load}. */
	private static <V> Map<BookableAt, V> perMoment(Set<BookableAt> keys,
			BiFunction<Set<Long>, Moment, Map<Long, V>> load) {
		var answers = new HashMap<BookableAt, V>();
		keys.stream().collect(Collectors.groupingBy(BookableAt::moment)).forEach((moment, group) -> {
			var ids = group.stream().map(BookableAt::bookableId).collect(Collectors.toSet());
			var loaded = load.apply(ids, moment);
			for (var key : group) {
				var value = loaded.get(key.bookableId());
				if (value != null) {
					answers.put(key, value);
				}
			}
		});
		return answers;
	}
}

package io.cores.booking;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.querydsl.core.types.Predicate;
import com.querydsl.jpa.impl.JPAQueryFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What holds a bookable at a given moment, asked for many bookables in one query: the
 * reads behind "is it free, and if not, which booking or reservation has it". A hold
 * covers the half-open period [start, end); an open reservation (no end) covers every
 * moment from its start; a cancelled hold covers nothing.
 */
@Component
@Transactional(readOnly = true)
public class Holds {

	private final JPAQueryFactory queries;

	public Holds(JPAQueryFactory queries) {
		this.queries = queries;
	}

	/** For each of the bookables, whether no live booking or reservation covers {@code time}. */
	public Map<Long, Boolean> freeAt(Collection<Long> bookableIds, OffsetDateTime time) {
		var hold = QHold.hold;
		var held = queries.select(hold.bookableId).distinct().from(hold)
			.where(hold.bookableId.in(bookableIds), covers(hold, time))
			.fetch();
		var free = new HashMap<Long, Boolean>();
		for (var id : bookableIds) {
			free.put(id, !held.contains(id));
		}
		return free;
	}

	/** The live booking covering {@code time}, by bookable id; bookables with none are absent. */
	public Map<Long, Booking> bookingsAt(Collection<Long> bookableIds, OffsetDateTime time) {
		var booking = QBooking.booking;
		return byBookable(queries.selectFrom(booking)
			.where(booking.bookableId.in(bookableIds), covers(booking._super, time))
			.fetch());
	}

	/**
	 * The live reservation covering {@code time}, by bookable id, leaving out the
	 * reservation {@code ignoredId} (the one being edited) when it is not null.
	 */
	public Map<Long, Reservation> reservationsAt(Collection<Long> bookableIds, OffsetDateTime time, Long ignoredId) {
		var reservation = QReservation.reservation;
		return byBookable(queries.selectFrom(reservation)
			.where(reservation.bookableId.in(bookableIds), covers(reservation._super, time),
					ignoredId == null ? null : reservation.id.ne(ignoredId))
			.fetch());
	}

	private static Predicate covers(QHold hold, OffsetDateTime time) {
		return hold.cancelledAt.isNull()
			.and(hold.startsAt.loe(time))
			.and(hold.endsAt.isNull().or(hold.endsAt.gt(time)));
	}

	/** Live holds on one bookable never overlap (hold_no_overlap), so each bookable has at most one here. */
	private static <H extends Hold> Map<Long, H> byBookable(List<H> holds) {
		var map = new HashMap<Long, H>();
		for (var hold : holds) {
			map.putIfAbsent(hold.getBookableId(), hold);
		}
		return map;
	}
}

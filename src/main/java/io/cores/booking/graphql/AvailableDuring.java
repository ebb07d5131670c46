package io.cores.booking.graphql;

import java.time.OffsetDateTime;
import java.util.Map;

import com.querydsl.core.types.Predicate;
import com.querydsl.jpa.JPAExpressions;

import io.cores.booking.QBookable;
import io.cores.booking.QHold;
import io.cores.platform.graphql.FilterCompiler;
import io.cores.platform.graphql.FilterField;
import io.cores.platform.graphql.InvalidInputException;

/**
 * {@code availableDuring: { start, end }} on bookables: no live hold of the bookable overlaps
 * the half-open period, the same test the exclusion constraint makes, so a bookable this
 * finds takes a hold for exactly that period (if it is ACTIVE). One NOT EXISTS subquery in
 * the page's own statement, so it nests in and/or/not and in relation filters like any field.
 */
final class AvailableDuring implements FilterField.Custom<QBookable> {

	@Override
	@SuppressWarnings("unchecked")
	public Predicate compile(QBookable bookable, Object value, FilterCompiler compiler, String argument) {
		var period = (Map<String, Object>) value;
		var start = (OffsetDateTime) period.get("start");
		var end = (OffsetDateTime) period.get("end");
		if (start == null) {
			throw new InvalidInputException(argument + ".start", "may not be null");
		}
		if (end != null && !start.isBefore(end)) {
			throw new InvalidInputException(argument + ".end", "must be after start");
		}
		// one alias per enclosing bookable alias: unique along any chain of nested subqueries
		var hold = new QHold(bookable.getMetadata().getName() + "_hold");
		return JPAExpressions.selectOne().from(hold)
			.where(hold.bookableId.eq(bookable.id), hold.cancelledAt.isNull(),
					end == null ? null : hold.startsAt.lt(end),
					hold.endsAt.isNull().or(hold.endsAt.gt(start)))
			.notExists();
	}
}

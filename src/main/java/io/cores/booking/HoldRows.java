package io.cores.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/**
 * The statements of a new hold's path in plain SQL, on the transaction's connection: the
 * bookable locked, the first clash, the insert. {@code createBooking} is the busiest write,
 * and through Hibernate these three cost about a fifth of its CPU (docs/performance.md); the
 * rules that use them stay in {@link HoldRules}, every other hold write stays with the entities.
 */
@Component
class HoldRows {

	/** A live hold in the way: its kind ("Booking", "Reservation"), key and period. */
	record Clash(String kind, long id, OffsetDateTime start, OffsetDateTime end) {
	}

	private final JdbcTemplate jdbc;

	HoldRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The bookable's status, its row locked until the transaction ends; null when there is no
	 * such bookable. NO KEY UPDATE, as an update of the row takes: the writers of one bookable
	 * take turns, while a hold inserted meanwhile (whose foreign key only shares the row's key)
	 * does not wait for it.
	 */
	BookableStatus lockedStatus(long bookable) {
		return jdbc.query("SELECT status FROM bookable WHERE id = ? FOR NO KEY UPDATE",
				rs -> rs.next() ? BookableStatus.valueOf(rs.getString(1)) : null, bookable);
	}

	/**
	 * The earliest live hold of the bookable, other than {@code self}, whose period meets
	 * [start, end) (no end: open); the exclusion constraint's own index answers it.
	 */
	Clash firstClash(long bookable, long self, OffsetDateTime start, OffsetDateTime end) {
		return jdbc.query("""
				SELECT kind, id, starts_at, ends_at FROM hold
				WHERE bookable_id = ? AND cancelled_at IS NULL AND period && tstzrange(?, ?, '[)') AND id <> ?
				ORDER BY starts_at LIMIT 1""", rs -> rs.next() ? clash(rs) : null, bookable, start, typed(Types.TIMESTAMP_WITH_TIMEZONE, end),
				self);
	}

	/** Inserts a new hold and gives it what the database set: its key, version and timestamps. */
	void insert(Hold hold) {
		jdbc.query("""
				INSERT INTO hold (kind, bookable_id, owner_id, project_id, starts_at, ends_at, comment)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id, version, created_at, updated_at""", rs -> {
			rs.next();
			hold.inserted(rs.getLong(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class));
			return null;
		}, hold instanceof Booking ? "BOOKING" : "RESERVATION", hold.getBookableId(), hold.getOwnerId(),
				typed(Types.BIGINT, hold.getProjectId()), hold.getStart(), typed(Types.TIMESTAMP_WITH_TIMEZONE, hold.getEnd()),
				typed(Types.VARCHAR, hold.getComment()));
	}

	/** A parameter that may be null, with its type, so that binding a null costs no question to the driver. */
	private static SqlParameterValue typed(int type, Object value) {
		return new SqlParameterValue(type, value);
	}

	private static Clash clash(ResultSet rs) throws SQLException {
		var kind = rs.getString(1).equals("BOOKING") ? "Booking" : "Reservation";
		return new Clash(kind, rs.getLong(2), rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class));
	}
}

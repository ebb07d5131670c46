package io.cores.jobs;

import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The maintenance job keeps three months (SPEC.md): rows on each side of the edge, a day from it. */
@SuppressWarnings("unchecked")
class MaintenanceJobTest extends ApiTest {

	@Test
	void whatIsOlderThanThreeMonthsGoesAndWhatIsYoungerStays() throws Exception {
		var now = OffsetDateTime.now();
		var old = now.minusMonths(3).minusDays(1);
		var recent = now.minusMonths(3).plusDays(1);

		long oldNotice = notice("old", old);
		long recentNotice = notice("recent", recent);
		long openNotice = notice("open", null);

		long oldSession = session("old", old);
		long oldResolved = conflict(oldSession, "RESOLVED");
		long oldWithOpen = session("old-open", old);
		long openConflict = conflict(oldWithOpen, "NEW");
		long recentSession = session("recent", recent);

		long owner = data().user("owner");
		long oldBooking = data().booking(bookable("h1"), owner, old.minusDays(2), old);
		long recentBooking = data().booking(bookable("h2"), owner, recent.minusDays(2), recent);
		long oldReservation = data().reservation(bookable("h3"), owner, old.minusDays(2), old);
		long openReservation = data().reservation(bookable("h4"), owner, old.minusDays(30), null);

		long oldJob = job(old);
		long recentJob = job(recent);
		long oldSent = mail("sent-old", old);
		long oldUnsent = mail("unsent-old", null);
		long recentSent = mail("sent-recent", recent);

		var run = JobCalls.awaitEnd(asAdmin(), JobCalls.run(asAdmin(), "maintenance"));

		assertThat(run.get("status")).as("%s", run).isEqualTo("COMPLETED");
		var data = (Map<String, Object>) run.get("data");
		assertThat(data).containsKeys("notices", "scanSessions", "scanConflicts", "bookings", "reservations", "jobs",
				"sentMails", "cutoff");
		for (var kind : new String[] { "notices", "scanSessions", "scanConflicts", "bookings", "reservations", "jobs", "sentMails" }) {
			assertThat((Integer) data.get(kind)).as(kind).isGreaterThanOrEqualTo(1);
		}
		assertThat(exists("notice", oldNotice)).isFalse();
		assertThat(exists("notice", recentNotice)).isTrue();
		assertThat(exists("notice", openNotice)).isTrue();
		assertThat(exists("scan_session", oldSession)).isFalse();
		assertThat(exists("scan_conflict", oldResolved)).isFalse();
		assertThat(exists("scan_session", oldWithOpen)).as("a session with an open conflict stays").isTrue();
		assertThat(exists("scan_conflict", openConflict)).isTrue();
		assertThat(exists("scan_session", recentSession)).isTrue();
		assertThat(exists("hold", oldBooking)).isFalse();
		assertThat(exists("hold", oldReservation)).isFalse();
		assertThat(exists("hold", recentBooking)).isTrue();
		assertThat(exists("hold", openReservation)).as("an open reservation has not ended").isTrue();
		assertThat(exists("job", oldJob)).isFalse();
		assertThat(exists("job", recentJob)).isTrue();
		assertThat(exists("mail_outbox", oldSent)).isFalse();
		assertThat(exists("mail_outbox", oldUnsent)).as("an unsent mail is kept until sent").isTrue();
		assertThat(exists("mail_outbox", recentSent)).isTrue();
		assertThat(((java.util.List<Map<String, Object>>) run.get("log"))).extracting(l -> l.get("message"))
			.contains("bookings: " + data.get("bookings") + " deleted");
	}

	private boolean exists(String table, long id) {
		return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE id = ?", Integer.class, id) == 1;
	}

	private long notice(String title, OffsetDateTime expiresAt) {
		return data().insert("INSERT INTO notice (title, expires_at) VALUES (?, ?) RETURNING id", data().name(title), expiresAt);
	}

	private long session(String agent, OffsetDateTime at) {
		return data().insert("""
				INSERT INTO scan_session (agent, scanned_at, raw_results, processed, created_at)
				VALUES (?, ?, '[]'::jsonb, true, ?) RETURNING id""", data().name(agent), at, at);
	}

	private long conflict(long session, String status) {
		return data().insert("""
				INSERT INTO scan_conflict (kind, status, session_id, mac, ip) VALUES ('UNKNOWN', ?, ?, ?::macaddr, '10.99.0.1'::inet)
				RETURNING id""", status, session, data().mac());
	}

	private long bookable(String hostname) {
		return data().bookable(data().host(hostname, null, "ACTIVE"), "ACTIVE");
	}

	private long job(OffsetDateTime at) {
		return data().insert("""
				INSERT INTO job (name, status, scheduled_at, started_at, completed_at, created_at)
				VALUES (?, 'COMPLETED', ?, ?, ?, ?) RETURNING id""", data().name("old-run"), at, at, at, at);
	}

	private long mail(String key, OffsetDateTime sentAt) {
		return data().insert("""
				INSERT INTO mail_outbox (kind, subject_key, day, recipient, subject, body, sent_at)
				VALUES ('HOLDS_TODAY', ?, current_date, 'someone@example.net', 'Hello', 'Body', ?) RETURNING id""",
				data().name(key), sentAt);
	}
}

package io.cores.jobs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import io.cores.platform.graphql.GlobalId;
import io.cores.support.ApiTest;
import io.cores.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The morning job against a real SMTP server (GreenMail, support/TestMail): one mail per owner
 * whose holds start or end today, one per hold notification (here from a host a staff member
 * set INACTIVE through the API), and nothing twice however often it runs.
 */
@SuppressWarnings("unchecked")
class MorningJobTest extends ApiTest {

	@Test
	void ownersOfTodaysHoldsAndOfNotificationsGetOneMailEachOnce() throws Exception {
		var zone = ZoneId.systemDefault();
		var today = LocalDate.now(zone).atStartOfDay(zone).toOffsetDateTime();
		long ada = data().user("ada");
		long bob = data().user("bob");
		long cy = data().user("cy");
		long dee = data().user("dee");
		long rack = bookable("rack-h1");
		long spare = bookable("spare-h2");
		long later = bookable("later-h3");
		long goneHost = data().host("gone-h4", null, "ACTIVE");
		long gone = data().bookable(goneHost, "ACTIVE");
		// ada: one booking starts today, one ends today
		data().booking(rack, ada, today.plusMinutes(30), today.plusHours(25));
		data().booking(spare, ada, today.minusDays(2), today.plusHours(23));
		// bob: an open reservation from today on
		data().reservation(later, bob, today.plusHours(2), null);
		// cy: only tomorrow
		data().booking(bookable("tomorrow-h5"), cy, today.plusDays(3), today.plusDays(4));
		// dee: a booking the day after tomorrow, cancelled when a staff member withdraws its host (INACTIVE):
		// the booking module records the notification
		var deeStarts = today.plusDays(2).plusHours(9);
		var deeEnds = today.plusDays(2).plusHours(17);
		long cancelled = data().booking(gone, dee, deeStarts, deeEnds);
		withdraw(goneHost);
		assertThat(jdbc.queryForObject("SELECT kind FROM hold_notification WHERE hold_id = ?", String.class, cancelled))
			.isEqualTo("CANCELLED");

		var first = JobCalls.awaitEnd(asAdmin(), JobCalls.run(asAdmin(), "morning"));
		assertThat(first.get("status")).as("%s", first).isEqualTo("COMPLETED");
		var data = (Map<String, Object>) first.get("data");
		assertThat((Integer) data.get("holdMails")).isGreaterThanOrEqualTo(2);
		assertThat((Integer) data.get("notificationMails")).isGreaterThanOrEqualTo(1);
		var second = JobCalls.awaitEnd(asAdmin(), JobCalls.run(asAdmin(), "morning"));
		assertThat(second.get("status")).isEqualTo("COMPLETED");

		var mine = List.of(email("ada"), email("bob"), email("cy"), email("dee"));
		var received = Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> mine.contains(to(m))).toList();
		assertThat(received).extracting(MorningJobTest::to).containsExactlyInAnyOrder(email("ada"), email("bob"), email("dee"));

		var toAda = only(received, email("ada"));
		assertThat(toAda.getSubject()).isEqualTo("Cores: your holds today, " + today.toLocalDate());
		var adaBody = GreenMailUtil.getBody(toAda);
		assertThat(adaBody).contains(data().name("rack-h1") + ": ").contains("(starts today)")
			.contains(data().name("spare-h2")).contains("(ends today)");
		assertThat(GreenMailUtil.getBody(only(received, email("bob")))).contains("Reservation of " + data().name("later-h3"))
			.contains("to open (starts today)");
		var toDee = only(received, email("dee"));
		assertThat(toDee.getSubject()).isEqualTo("Cores: your booking of " + data().name("gone-h4") + " was cancelled");
		var time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
		assertThat(GreenMailUtil.getBody(toDee)).contains("your booking of " + data().name("gone-h4") + " ("
				+ deeStarts.format(time) + " to " + deeEnds.format(time) + ") was cancelled: Host " + data().name("gone-h4")
				+ " became INACTIVE");

		// the outbox keeps them, sent, once each
		var outbox = asAdmin().document("""
				query($r: [String!]) { outboxMails(filter: { recipient: { in: $r } }) { nodes { kind recipient sentAt job { name } } } }""")
			.variable("r", mine).execute().path("outboxMails.nodes").entityList(Map.class).get();
		assertThat(outbox).hasSize(3).allSatisfy(mail -> {
			assertThat(mail.get("sentAt")).isNotNull();
			assertThat(((Map<String, Object>) mail.get("job")).get("name")).isEqualTo("morning");
		});
		assertThat(outbox).extracting(m -> m.get("kind")).containsExactlyInAnyOrder("HOLDS_TODAY", "HOLDS_TODAY",
				"HOLD_NOTIFICATION");
	}

	@Test
	void onlyAdminsReadTheOutbox() {
		graphQl("Token " + data().tokenFor("staffer", "STAFF")).document("{ outboxMails { totalCount } }").execute()
			.path("outboxMails.totalCount").entity(Integer.class).isEqualTo(0);
	}

	/** Sets the host INACTIVE as a staff member does, through changeHostStatus. */
	private void withdraw(long host) {
		Map<String, Object> payload = graphQl("Token " + data().tokenFor("staff", "STAFF")).document("""
				mutation($id: ID!) { changeHostStatus(input: { id: $id, version: 0, status: INACTIVE }) {
				  host { status } errors { code field message } } }""")
			.variable("id", GlobalId.encode("Host", host)).execute().path("changeHostStatus").entity(Map.class).get();
		assertThat(errors(payload)).isEmpty();
		assertThat(((Map<String, Object>) payload.get("host")).get("status")).isEqualTo("INACTIVE");
	}

	private long bookable(String hostname) {
		return data().bookable(data().host(hostname, null, "ACTIVE"), "ACTIVE");
	}

	private String email(String user) {
		return data().name(user) + "@example.net";
	}

	private static MimeMessage only(List<MimeMessage> messages, String recipient) {
		var matching = messages.stream().filter(m -> recipient.equals(to(m))).toList();
		assertThat(matching).as("mails to " + recipient).hasSize(1);
		return matching.get(0);
	}

	private static String to(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}

package io.cores.jobs;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import io.cores.support.ApiTest;
import io.cores.support.ServerProcesses;
import io.cores.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second server instance, "no-mail" (a JVM of its own on the test server's database), with no
 * mail server configured: no {@code spring.mail.host}, as the embedded default. Its morning run
 * keeps the mails in the outbox; send-mails on the test server, which mails to GreenMail, sends
 * them later, each once. Which instance takes a run is steered by keeping the test server's two
 * run threads busy (test-cancellable runs, which no-mail does not run); no-mail does not run
 * send-mails. Last, no-mail is shut down while a short run is under way: the run ends within the
 * grace time and is recorded COMPLETED.
 */
@SuppressWarnings("unchecked")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxAcrossInstancesTest extends ApiTest {

	private static final String NO_MAIL = "no-mail";

	@Autowired
	private JdbcConnectionDetails database;

	private ServerProcesses instances;
	private Process noMail;

	@BeforeAll
	void startInstanceWithoutMailServer() throws Exception {
		instances = new ServerProcesses(database);
		noMail = instances.start(NO_MAIL, List.of(), List.of(
				"--cores.jobs.schedule=false",
				"--cores.jobs.run.threads=1",
				"--cores.jobs.run.poll=300ms",
				"--cores.jobs.run.shutdown-grace=20s",
				"--cores.jobs.send-mails.enabled=false",
				"--cores.jobs.maintenance.enabled=false",
				"--cores.jobs.test-tick.enabled=false",
				"--cores.jobs.test-cancellable.enabled=false",
				"--cores.jobs.test-cancellable-2.enabled=false",
				"--cores.jobs.test-slow.enabled=false",
				"--cores.jobs.test-failing.enabled=false",
				"--cores.jobs.test-sleep.enabled=false"));
		instances.awaitStarted(noMail);
	}

	@AfterAll
	void stopInstance() throws InterruptedException {
		instances.close();
	}

	@Test
	@Order(1)
	void mailsWaitInTheOutboxWithoutAMailServerAndGoOutOnceWhenOneIsConfigured() throws Exception {
		var zone = ZoneId.systemDefault();
		var today = LocalDate.now(zone).atStartOfDay(zone).toOffsetDateTime();
		long ada = data().user("ada");
		long bob = data().user("bob");
		data().booking(bookable("rack-h1"), ada, today.plusMinutes(30), today.plusHours(25));
		data().reservation(bookable("later-h2"), bob, today.plusHours(2), null);
		var mine = List.of(email("ada"), email("bob"));

		var busy = busyTestServer();
		var morning = JobCalls.awaitEnd(asAdmin(), JobCalls.run(asAdmin(), "morning"));
		release(busy);
		assertThat(morning.get("status")).as("%s", morning).isEqualTo("COMPLETED");
		assertThat(JobCalls.read(asAdmin(), (String) morning.get("id")).get("instance")).isEqualTo(NO_MAIL);
		assertThat((List<Map<String, Object>>) morning.get("log")).extracting(l -> l.get("message"))
			.contains("No mail server configured (spring.mail.host): mails stay in the outbox");
		assertThat((Map<String, Object>) morning.get("data")).containsEntry("mailsSent", 0);

		// kept, unsent, and what admins see of them
		var kept = outbox(mine);
		assertThat(kept).extracting(m -> m.get("recipient")).containsExactlyInAnyOrderElementsOf(mine);
		assertThat(kept).allSatisfy(mail -> {
			assertThat(mail).containsEntry("kind", "HOLDS_TODAY").containsEntry("attempts", 0).containsEntry("sentAt", null);
			assertThat((String) mail.get("subject")).isEqualTo("Cores: your holds today, " + today.toLocalDate());
			assertThat(((Map<String, Object>) mail.get("job")).get("id")).isEqualTo(morning.get("id"));
		});
		assertThat(asAdmin().document("""
				query($r: [String!]) { outboxMails(filter: { recipient: { in: $r }, sentAt: { isNull: true } }) { totalCount } }""")
			.variable("r", mine).execute().path("outboxMails.totalCount").entity(Integer.class).get()).isEqualTo(2);
		assertThat(received(mine)).as("nothing reached the mail server").isEmpty();

		// send-mails runs on the test server, which has a mail server; a second run sends nothing again
		var send = JobCalls.awaitEnd(asAdmin(), JobCalls.run(asAdmin(), "send-mails"));
		assertThat(send.get("status")).as("%s", send).isEqualTo("COMPLETED");
		assertThat(JobCalls.read(asAdmin(), (String) send.get("id")).get("instance")).isNotEqualTo(NO_MAIL);
		assertThat((Integer) ((Map<String, Object>) send.get("data")).get("mailsSent")).isGreaterThanOrEqualTo(2);
		var again = JobCalls.awaitEnd(asAdmin(), JobCalls.run(asAdmin(), "send-mails"));
		assertThat(again.get("status")).isEqualTo("COMPLETED");

		assertThat(received(mine)).as("each arrives once").containsExactlyInAnyOrderElementsOf(mine);
		var sent = outbox(mine);
		assertThat(sent).hasSize(2).allSatisfy(mail -> {
			assertThat(mail.get("sentAt")).isNotNull();
			assertThat(mail).containsEntry("attempts", 1).containsEntry("lastError", null);
		});
	}

	@Test
	@Order(2)
	void aRunShorterThanTheGraceTimeEndsCompletedWhenItsInstanceShutsDown() throws Exception {
		var busy = busyTestServer();
		// works 3 s and does not look at cancelled(); the grace time is 20 s
		var id = JobCalls.run(asAdmin(), "test-stubborn");
		var running = JobCalls.awaitRunning(asAdmin(), id);
		release(busy);
		assertThat(running.get("instance")).isEqualTo(NO_MAIL);

		noMail.destroy();
		assertThat(noMail.waitFor(60, TimeUnit.SECONDS)).as("the instance stops").isTrue();

		var ended = JobCalls.read(asAdmin(), id);
		assertThat(ended).containsEntry("status", "COMPLETED").containsEntry("error", null).containsEntry("instance", NO_MAIL);
		assertThat((Map<String, Object>) ended.get("data")).containsEntry("done", true);
		assertThat((List<Map<String, Object>>) ended.get("log")).extracting(l -> (String) l.get("message"))
			.anyMatch(m -> m.startsWith("Completed in "));
	}

	/** Starts two runs that only the test server runs and that keep both its run threads until cancelled. */
	private List<String> busyTestServer() throws InterruptedException {
		var busy = List.of(JobCalls.run(asAdmin(), "test-cancellable"), JobCalls.run(asAdmin(), "test-cancellable-2"));
		for (var id : busy) {
			JobCalls.awaitRunning(asAdmin(), id);
		}
		return busy;
	}

	private void release(List<String> busy) throws InterruptedException {
		for (var id : busy) {
			assertThat(errors(JobCalls.cancel(asAdmin(), id))).isEmpty();
			assertThat(JobCalls.awaitEnd(asAdmin(), id).get("status")).isEqualTo("ERRORED");
		}
	}

	private List<Map<String, Object>> outbox(List<String> recipients) {
		return asAdmin().document("""
				query($r: [String!]) { outboxMails(filter: { recipient: { in: $r } }) {
				    nodes { kind recipient subject sentAt attempts lastError job { id } } } }""")
			.variable("r", recipients).execute().path("outboxMails.nodes").entityList(Map.class).get().stream()
			.map(m -> (Map<String, Object>) m).toList();
	}

	private static List<String> received(List<String> recipients) {
		return Arrays.stream(TestMail.server().getReceivedMessages()).map(OutboxAcrossInstancesTest::to)
			.filter(recipients::contains).toList();
	}

	private long bookable(String hostname) {
		return data().bookable(data().host(hostname, null, "ACTIVE"), "ACTIVE");
	}

	private String email(String user) {
		return data().name(user) + "@example.net";
	}

	private static String to(jakarta.mail.internet.MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}

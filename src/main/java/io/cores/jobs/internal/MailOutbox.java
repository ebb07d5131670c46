package io.cores.jobs.internal;

import java.time.LocalDate;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The jobs' mails: written to mail_outbox once per kind, subject and day, and sent from there
 * when a mail server is configured ({@code spring.mail.host}: Spring Boot then provides the
 * {@link JavaMailSender}). Without one, mails wait in the outbox; nothing is lost. Each mail is
 * sent under its row lock, so two instances never send one mail both.
 */
@Component
public class MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final ObjectProvider<JavaMailSender> sender;
	private final String from;

	MailOutbox(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectProvider<JavaMailSender> sender,
			@Value("${cores.mail.from:cores@localhost}") String from) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions.getTransactionManager());
		this.sender = sender;
		this.from = from;
	}

	/** Writes a mail unless one of this kind, subject and day exists; true when written. */
	public boolean write(String kind, String subjectKey, LocalDate day, String recipient, String subject, String body,
			long jobId) {
		return jdbc.update("""
				INSERT INTO mail_outbox (kind, subject_key, day, recipient, subject, body, job_id)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (kind, subject_key, day) DO NOTHING""", kind, subjectKey, day, recipient, subject, body,
				jobId) > 0;
	}

	public boolean canSend() {
		return sender.getIfAvailable() != null;
	}

	/** Sends the unsent mails, one transaction each; returns {sent, failed}, or null with no mail server. */
	public int[] sendUnsent(IntSupplier stop) {
		var mail = sender.getIfAvailable();
		if (mail == null) {
			return null;
		}
		int sent = 0;
		int failed = 0;
		long after = 0;
		while (stop.getAsInt() == 0) {
			long from = after;
			var outcome = transactions.execute(status -> {
				var rows = jdbc.queryForList("""
						SELECT id, recipient, subject, body FROM mail_outbox
						WHERE sent_at IS NULL AND id > ? ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED""", from);
				if (rows.isEmpty()) {
					return null;
				}
				var row = rows.get(0);
				long id = ((Number) row.get("id")).longValue();
				var message = new SimpleMailMessage();
				message.setFrom(this.from);
				message.setTo((String) row.get("recipient"));
				message.setSubject((String) row.get("subject"));
				message.setText((String) row.get("body"));
				try {
					mail.send(message);
					jdbc.update("UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL, version = version + 1 WHERE id = ?", id);
					return new long[] { id, 1 };
				}
				catch (RuntimeException ex) {
					log.warn("Sending mail {} to {} failed: {}", id, row.get("recipient"), ex.getMessage());
					jdbc.update("UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, version = version + 1 WHERE id = ?",
							String.valueOf(ex.getMessage()), id);
					return new long[] { id, 0 };
				}
			});
			if (outcome == null) {
				break;
			}
			after = outcome[0];
			if (outcome[1] == 1) {
				sent++;
			}
			else {
				failed++;
			}
		}
		return new int[] { sent, failed };
	}
}

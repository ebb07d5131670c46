package io.cores.jobs.internal;

import org.springframework.stereotype.Component;

import io.cores.jobs.BackgroundJob;
import io.cores.jobs.JobContext;

/** Sends what waits in the outbox, when a mail server is configured. */
@Component
class SendMailsJob implements BackgroundJob {

	private final MailOutbox outbox;

	SendMailsJob(MailOutbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public String name() {
		return "send-mails";
	}

	@Override
	public String description() {
		return "Sends the mails waiting in the outbox (with spring.mail.host set; otherwise they wait).";
	}

	@Override
	public void run(JobContext context) {
		send(outbox, context);
	}

	static void send(MailOutbox outbox, JobContext context) {
		var result = outbox.sendUnsent(() -> context.cancelled() ? 1 : 0);
		if (result == null) {
			context.log("No mail server configured (spring.mail.host): mails stay in the outbox");
			context.put("mailsSent", 0);
			return;
		}
		context.put("mailsSent", result[0]);
		context.put("mailsFailed", result[1]);
		context.log(result[0] + " mail(s) sent" + (result[1] > 0 ? ", " + result[1] + " failed (kept for the next run)" : ""));
		if (result[1] > 0) {
			context.log("WARNING", result[1] + " mail(s) could not be sent");
		}
	}
}

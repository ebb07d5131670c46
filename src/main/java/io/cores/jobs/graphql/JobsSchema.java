package io.cores.jobs.graphql;

import io.cores.identity.Caller;
import io.cores.identity.Role;
import io.cores.jobs.Job;
import io.cores.jobs.JobStatus;
import io.cores.jobs.OutboxMail;
import io.cores.jobs.QJob;
import io.cores.jobs.QOutboxMail;
import io.cores.platform.graphql.NodeType;
import io.cores.platform.graphql.Relation;
import io.cores.platform.graphql.ScalarKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node type and relations of schema/jobs.graphqls. */
@Configuration(proxyBeanMethods = false)
public class JobsSchema {

	@Bean
	NodeType<Job, QJob> jobType() {
		return NodeType.of("Job", Job.class, QJob::new)
			.sortable("name", "NAME", ScalarKind.STRING, j -> j.name)
			.enumeration("status", JobStatus.class, j -> j.status)
			.order("STATUS", j -> j.status)
			.scalar("intervalMinutes", ScalarKind.INT, j -> j.intervalMinutes)
			.sortable("scheduledAt", "SCHEDULED_AT", ScalarKind.DATE_TIME, j -> j.scheduledAt)
			.sortable("startedAt", "STARTED_AT", ScalarKind.DATE_TIME, j -> j.startedAt)
			.sortable("completedAt", "COMPLETED_AT", ScalarKind.DATE_TIME, j -> j.completedAt);
	}

	/** Mails name people and their addresses: admins only, on every path. */
	@Bean
	NodeType<OutboxMail, QOutboxMail> outboxMailType() {
		return NodeType.of("OutboxMail", OutboxMail.class, QOutboxMail::new)
			.visibleWhen((context, q) -> Caller.of(context).has(Role.ADMIN) ? null : q.id.isNull())
			.scalar("kind", ScalarKind.STRING, m -> m.kind)
			.sortable("recipient", "RECIPIENT", ScalarKind.STRING, m -> m.recipient)
			.sortable("sentAt", "SENT_AT", ScalarKind.DATE_TIME, m -> m.sentAt);
	}

	@Bean
	Relation outboxMailJobRelation() {
		return Relation.toOne("OutboxMail", "job", "Job", OutboxMail::getJobId, (QOutboxMail m) -> m.jobId);
	}

	@Bean
	Relation jobUserRelation() {
		return Relation.toOne("Job", "user", "User", Job::getUserId, (QJob j) -> j.userId);
	}

	@Bean
	Relation userJobsRelation() {
		return Relation.many("User", "jobs", "Job", (QJob j) -> j.userId);
	}
}

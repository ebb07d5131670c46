package io.cores.jobs.graphql;

import io.cores.jobs.Job;
import io.cores.jobs.JobStatus;
import io.cores.jobs.QJob;
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

	@Bean
	Relation jobUserRelation() {
		return Relation.toOne("Job", "user", "User", Job::getUserId, (QJob j) -> j.userId);
	}

	@Bean
	Relation userJobsRelation() {
		return Relation.many("User", "jobs", "Job", (QJob j) -> j.userId);
	}
}

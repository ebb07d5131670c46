package io.cores.jobs;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.querydsl.QuerydslPredicateExecutor;

public interface JobRepository extends JpaRepository<Job, Long>, QuerydslPredicateExecutor<Job> {
}

package io.cores.jobs;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.querydsl.QuerydslPredicateExecutor;

public interface OutboxMailRepository extends JpaRepository<OutboxMail, Long>, QuerydslPredicateExecutor<OutboxMail> {
}

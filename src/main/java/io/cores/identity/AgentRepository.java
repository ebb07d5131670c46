package io.cores.identity;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.querydsl.QuerydslPredicateExecutor;

public interface AgentRepository extends JpaRepository<Agent, Long>, QuerydslPredicateExecutor<Agent> {
}

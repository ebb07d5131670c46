package io.cores.live;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.querydsl.QuerydslPredicateExecutor;

public interface ScanSessionRepository extends JpaRepository<ScanSession, Long>, QuerydslPredicateExecutor<ScanSession> {
}

package io.cores.live;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.querydsl.QuerydslPredicateExecutor;

public interface ScanConflictRepository extends JpaRepository<ScanConflict, Long>, QuerydslPredicateExecutor<ScanConflict> {
}

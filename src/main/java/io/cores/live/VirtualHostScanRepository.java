package io.cores.live;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.querydsl.QuerydslPredicateExecutor;

public interface VirtualHostScanRepository extends JpaRepository<VirtualHostScan, Long>, QuerydslPredicateExecutor<VirtualHostScan> {
}

package io.cores.inventory;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.querydsl.QuerydslPredicateExecutor;

public interface HostTypeRepository extends JpaRepository<HostType, Long>, QuerydslPredicateExecutor<HostType> {
}

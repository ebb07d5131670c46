package io.cores.inventory;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.querydsl.QuerydslPredicateExecutor;

public interface LabRepository extends JpaRepository<Lab, Long>, QuerydslPredicateExecutor<Lab> {
}

package io.cores.identity;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.querydsl.QuerydslPredicateExecutor;

public interface GroupRepository extends JpaRepository<Group, Long>, QuerydslPredicateExecutor<Group> {
}

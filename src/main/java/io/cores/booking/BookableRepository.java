package io.cores.booking;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.querydsl.QuerydslPredicateExecutor;

public interface BookableRepository extends JpaRepository<Bookable, Long>, QuerydslPredicateExecutor<Bookable> {
}

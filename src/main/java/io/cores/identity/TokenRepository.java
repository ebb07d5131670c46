package io.cores.identity;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.querydsl.QuerydslPredicateExecutor;

public interface TokenRepository extends JpaRepository<Token, Long>, QuerydslPredicateExecutor<Token> {
}

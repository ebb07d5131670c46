package io.cores.identity;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.querydsl.QuerydslPredicateExecutor;

public interface TokenRepository extends JpaRepository<Token, Long>, QuerydslPredicateExecutor<Token> {

	/**
	 * The token, its row locked until the transaction ends: a writer compares the version its
	 * client read against the committed one, and no one else changes the row in between.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Token> findLockedById(Long id);
}

package io.cores.audit;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.querydsl.QuerydslPredicateExecutor;

public interface JournalEntryRepository extends JpaRepository<JournalEntry, Long>, QuerydslPredicateExecutor<JournalEntry> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<JournalEntry> findLockedById(Long id);
}

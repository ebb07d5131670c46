package io.cores.identity;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.querydsl.QuerydslPredicateExecutor;

public interface GroupRepository extends JpaRepository<Group, Long>, QuerydslPredicateExecutor<Group> {

	/** The group, locked, so that membership changes of one group follow one another. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Group> findLockedById(Long id);
}

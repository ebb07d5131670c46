package io.cores.notices;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import com.querydsl.core.types.dsl.BooleanExpression;
import com.querydsl.jpa.impl.JPAQueryFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Which notices a reader sees now. */
@Component
@Transactional(readOnly = true)
public class NoticeQueries {

	private final JPAQueryFactory queries;

	public NoticeQueries(JPAQueryFactory queries) {
		this.queries = queries;
	}

	/**
	 * The notices not expired and targeted at everyone or at one of {@code groupIds} (the
	 * reader's groups; empty for an anonymous reader), highest priority first, then newest.
	 */
	public List<Notice> activeFor(Set<Long> groupIds) {
		var notice = QNotice.notice;
		BooleanExpression audience = notice.targetGroupId.isNull();
		if (!groupIds.isEmpty()) {
			audience = audience.or(notice.targetGroupId.in(groupIds));
		}
		return queries.selectFrom(notice)
			.where(notice.expiresAt.isNull().or(notice.expiresAt.gt(OffsetDateTime.now())), audience)
			.orderBy(notice.priority.desc(), notice.createdAt.desc(), notice.id.desc())
			.fetch();
	}
}

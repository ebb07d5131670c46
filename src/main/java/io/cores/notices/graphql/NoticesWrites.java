package io.cores.notices.graphql;

import java.time.OffsetDateTime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.identity.Access;
import io.cores.identity.Role;
import io.cores.notices.Notice;
import io.cores.notices.NoticeStyle;
import io.cores.platform.graphql.UserError.Code;
import io.cores.platform.graphql.write.Write;
import io.cores.platform.graphql.write.WriteType;

/** Notices are written by STAFF (SPEC.md) through the generic write path. */
@Configuration(proxyBeanMethods = false)
class NoticesWrites {

	@Bean
	WriteType<Notice> noticeWrites() {
		return WriteType.of("Notice", Notice.class, () -> new Notice(null, ""))
			.writtenBy(Access.role(Role.STAFF))
			.required("title", String.class, Notice::getTitle, Notice::setTitle)
			.required("body", String.class, Notice::getBody, Notice::setBody)
			.reference("targetGroup", "Group", false, Notice::getTargetGroupId, Notice::setTargetGroupId)
			.required("style", NoticeStyle.class, Notice::getStyle, Notice::setStyle)
			.required("priority", Integer.class, Notice::getPriority, Notice::setPriority)
			.optional("expiresAt", OffsetDateTime.class, Notice::getExpiresAt, Notice::setExpiresAt)
			.rule(NoticesWrites::expiresInTheFuture)
			.repr(Notice::getTitle);
	}

	/**
	 * A notice given an expiry must still be shown after the write: a past expiry would hide it
	 * at once (to take a notice down, delete it). Checked whenever the input names expiresAt, on
	 * create and on update; an update that leaves it out may edit a notice that has expired.
	 */
	static void expiresInTheFuture(Notice notice, Write<Notice> write) {
		if (write.gives("expiresAt") && notice.getExpiresAt() != null && !notice.getExpiresAt().isAfter(OffsetDateTime.now())) {
			write.reject(Code.INVALID, "expiresAt must be in the future", "expiresAt");
		}
	}
}

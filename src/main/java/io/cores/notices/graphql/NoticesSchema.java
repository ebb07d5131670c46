package io.cores.notices.graphql;

import io.cores.notices.Notice;
import io.cores.notices.NoticeStyle;
import io.cores.notices.QNotice;
import io.cores.platform.graphql.NodeType;
import io.cores.platform.graphql.Relation;
import io.cores.platform.graphql.ScalarKind;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notices module's node type and relations (schema/notices.graphqls), including {@code Group.notices}. */
@Configuration(proxyBeanMethods = false)
public class NoticesSchema {

	@Bean
	NodeType<Notice, QNotice> noticeType() {
		return NodeType.of("Notice", Notice.class, QNotice::new)
			.sortable("title", "TITLE", ScalarKind.STRING, q -> q.title)
			.scalar("body", ScalarKind.STRING, q -> q.body)
			.enumeration("style", NoticeStyle.class, q -> q.style)
			.order("STYLE", q -> q.style)
			.sortable("priority", "PRIORITY", ScalarKind.INT, q -> q.priority)
			.sortable("expiresAt", "EXPIRES_AT", ScalarKind.DATE_TIME, q -> q.expiresAt);
	}

	@Bean
	Relation noticeTargetGroupRelation() {
		return Relation.toOne("Notice", "targetGroup", "Group", Notice::getTargetGroupId, (QNotice n) -> n.targetGroupId);
	}

	@Bean
	Relation groupNoticesRelation() {
		return Relation.many("Group", "notices", "Notice", (QNotice n) -> n.targetGroupId);
	}
}

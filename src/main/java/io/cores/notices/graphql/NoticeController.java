package io.cores.notices.graphql;

import java.util.List;

import graphql.GraphQLContext;
import io.cores.identity.Caller;
import io.cores.notices.Notice;
import io.cores.notices.NoticeQueries;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
public class NoticeController {

	private final NoticeQueries notices;

	public NoticeController(NoticeQueries notices) {
		this.notices = notices;
	}

	/** Notices for everyone and for the caller's groups; anonymous readers have no groups. */
	@QueryMapping
	public List<Notice> activeNotices(GraphQLContext context) {
		return notices.activeFor(Caller.of(context).groupIds());
	}
}

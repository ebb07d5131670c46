package io.cores.notices.graphql;

import java.util.List;
import java.util.Set;

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

	/**
	 * Until requests are authenticated every reader is anonymous, so only the notices for
	 * everyone are active; the identity module will pass the caller's groups here.
	 */
	@QueryMapping
	public List<Notice> activeNotices() {
		return notices.activeFor(Set.of());
	}
}

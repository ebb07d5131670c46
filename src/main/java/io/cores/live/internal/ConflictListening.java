package io.cores.live.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cores.platform.db.NotificationListener;

/** The feed's listener as a bean: started and stopped with the application, its health under this name. */
@Configuration(proxyBeanMethods = false)
class ConflictListening {

	@Bean
	NotificationListener scanConflictListener(ConflictFeed feed) {
		return feed.listener();
	}
}

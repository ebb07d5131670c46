package io.cores.support;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements the server runs and the rows it reads back, at the JDBC level:
 * Hibernate's statements and every JdbcTemplate or plain JDBC one alike. Wraps the test
 * server's data source (this component is picked up by the application's component scan
 * in tests), so tests can hold a query's statements and rows to a bound.
 */
@Component
public class SqlStatements implements BeanPostProcessor {

	private static final AtomicInteger STATEMENTS = new AtomicInteger();
	private static final AtomicInteger ROWS = new AtomicInteger();
	private static final List<String> TEXTS = Collections.synchronizedList(new ArrayList<>());

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof DataSource dataSource) || beanName.endsWith("Proxy")) {
			return bean;
		}
		return ProxyDataSourceBuilder.create(dataSource)
			.afterQuery((execution, queries) -> {
				if (background()) {
					return;
				}
				STATEMENTS.incrementAndGet();
				TEXTS.add(queries.isEmpty() ? "" : queries.get(0).getQuery());
			})
			.proxyResultSet()
			.afterMethod(call -> {
				if (!background() && call.getTarget() instanceof ResultSet && call.getMethod().getName().equals("next")
						&& Boolean.TRUE.equals(call.getResult())) {
					ROWS.incrementAndGet();
				}
			})
			.buildProxy();
	}

	/**
	 * The subscription feed's reads (io.cores.live.internal.ConflictFeed) run on a thread of
	 * their own, after a scan commits and on a poll every few seconds, and the jobs' worker,
	 * schedule and feed on threads named cores-jobs-…: work of the server, not of the request
	 * being counted.
	 */
	private static boolean background() {
		var name = Thread.currentThread().getName();
		return name.equals("conflict-feed") || name.startsWith("cores-jobs-");
	}

	public static void reset() {
		STATEMENTS.set(0);
		ROWS.set(0);
		TEXTS.clear();
	}

	/** The statements since the last reset, in order: what a failing count shows. */
	public static List<String> texts() {
		synchronized (TEXTS) {
			return List.copyOf(TEXTS);
		}
	}

	/** Statements executed since the last reset (a batch counts once). */
	public static int count() {
		return STATEMENTS.get();
	}

	/** Rows read from result sets since the last reset. */
	public static int rows() {
		return ROWS.get();
	}
}

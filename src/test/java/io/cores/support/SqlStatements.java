package io.cores.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares (registered for tests in
 * application-test.yaml), so tests can hold a query's statement count to a bound.
 */
public class SqlStatements implements StatementInspector {

	private static final AtomicInteger COUNT = new AtomicInteger();

	@Override
	public String inspect(String sql) {
		COUNT.incrementAndGet();
		return sql;
	}

	public static void reset() {
		COUNT.set(0);
	}

	public static int count() {
		return COUNT.get();
	}
}

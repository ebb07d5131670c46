package io.cores.platform.graphql.limits;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.jdbc.PgStatement;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Gives every statement made while a request is being resolved a query timeout of the time
 * the request has left ({@link Deadline#current()}), whether Hibernate or a JdbcTemplate makes
 * it. The PostgreSQL driver enforces the timeout from a client-side timer that sends a cancel
 * request only when it fires, so a statement that finishes in time costs no extra round trip
 * (a {@code SET statement_timeout} would cost one per statement); and it takes milliseconds,
 * where JDBC's {@code setQueryTimeout} takes whole seconds. A cancelled statement fails with
 * SQLState {@value #CANCELLED}, which {@link DeadlineErrors} reports as the deadline.
 */
final class DeadlineDataSource extends DelegatingDataSource {

	/** PostgreSQL's query_canceled. */
	static final String CANCELLED = "57014";

	DeadlineDataSource(DataSource target) {
		super(target);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return limited(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return limited(super.getConnection(username, password));
	}

	private static Connection limited(Connection connection) {
		return (Connection) Proxy.newProxyInstance(DeadlineDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new Limiting(connection));
	}

	private record Limiting(Connection target) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			switch (method.getName()) {
				case "equals":
					return proxy == args[0];
				case "hashCode":
					return System.identityHashCode(proxy);
				default:
			}
			Object result;
			try {
				result = method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
			if (result instanceof Statement statement) {
				limit(statement);
			}
			return result;
		}

		private static void limit(Statement statement) throws SQLException {
			var deadline = Deadline.current();
			if (deadline == null) {
				return;
			}
			long millis = deadline.remainingMillis();
			if (millis <= 0) {
				statement.close();
				throw new SQLTimeoutException(deadline.message(), CANCELLED);
			}
			statement.unwrap(PgStatement.class).setQueryTimeoutMs(millis);
		}
	}
}

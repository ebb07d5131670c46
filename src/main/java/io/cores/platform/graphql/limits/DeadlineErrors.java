package io.cores.platform.graphql.limits;

import java.sql.SQLException;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.core.Ordered;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;

/**
 * Reports a resolver stopped by its request's deadline as the deadline, with the same message
 * and classification ({@code ExecutionAborted}) as the other limits: a resolver refused for
 * starting late, or a statement the database cancelled because the time was up. Runs before
 * the general error mapping, which would report a cancelled statement as an internal error.
 */
class DeadlineErrors extends DataFetcherExceptionResolverAdapter implements Ordered {

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		Deadline deadline = env.getGraphQlContext().get(Deadline.KEY);
		if (deadline == null || !(ex instanceof RequestDeadline.DeadlineExceeded || deadline.passed() && cancelled(ex))) {
			return null;
		}
		return GraphqlErrorBuilder.newError(env).errorType(ErrorType.ExecutionAborted).message(deadline.message()).build();
	}

	private static boolean cancelled(Throwable ex) {
		for (var cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && DeadlineDataSource.CANCELLED.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}
}

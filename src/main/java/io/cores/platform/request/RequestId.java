package io.cores.platform.request;

import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * The correlation id of the request being served: one per HTTP request (from a valid
 * incoming {@code X-Request-Id}, else generated) and one per GraphQL operation over a
 * WebSocket. It is returned as the {@code X-Request-Id} response header, carried by every
 * error of the request, written into every log line (MDC key {@code requestId}) and into the
 * change log's {@code request_id}. Spring for GraphQL carries it to the threads that run data
 * fetchers and batch loaders through the registered {@link ThreadLocalAccessor}.
 */
public final class RequestId {

	public static final String HEADER = "X-Request-Id";
	public static final String MDC_KEY = "requestId";
	/** The request attribute that keeps it for the error dispatch, which runs after the filter. */
	public static final String ATTRIBUTE = RequestId.class.getName();

	/** A UUID in its canonical text form: the change log stores it as one, and it cannot forge a log line. */
	private static final Pattern VALID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
	private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

	private RequestId() {
	}

	/** Lets context propagation carry the id; the registry replaces an accessor of the same key. */
	static void registerAccessor() {
		ContextRegistry.getInstance().registerThreadLocalAccessor(new Accessor());
	}

	/** The id of the request this thread serves, or null outside one (start-up, jobs). */
	public static UUID current() {
		return CURRENT.get();
	}

	/** A client's id when it is a UUID, else a fresh one: a client may not choose ids we cannot store. */
	static UUID from(String header) {
		if (header != null && VALID.matcher(header.trim()).matches()) {
			return UUID.fromString(header.trim());
		}
		return UUID.randomUUID();
	}

	static void set(UUID id) {
		CURRENT.set(id);
		MDC.put(MDC_KEY, id.toString());
	}

	static void clear() {
		CURRENT.remove();
		MDC.remove(MDC_KEY);
	}

	/** Lets context propagation restore the id (and its MDC entry) wherever GraphQL work runs. */
	static final class Accessor implements ThreadLocalAccessor<UUID> {

		@Override
		public Object key() {
			return MDC_KEY;
		}

		@Override
		public UUID getValue() {
			return CURRENT.get();
		}

		@Override
		public void setValue(UUID value) {
			set(value);
		}

		@Override
		public void setValue() {
			clear();
		}
	}
}

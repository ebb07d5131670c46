package io.cores.platform.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;

/**
 * LISTENs to one PostgreSQL channel on a connection of its own, outside the pool (a pooled
 * connection would be handed to requests and lose the LISTEN), and calls {@code wake} on
 * every notification, after every (re)connect and at least every {@code poll} — so the
 * owner reads what is new from the database rather than trusting payloads, and a dropped
 * connection or a lost NOTIFY costs latency, never an event. A dropped connection is
 * reopened with exponential backoff. Its state is a health indicator (readiness).
 */
public final class NotificationListener implements SmartLifecycle, HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);
	private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
	private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

	private final String channel;
	private final JdbcConnectionDetails database;
	private final Runnable wake;
	private final Duration poll;
	private final AtomicLong connects = new AtomicLong();
	private volatile boolean running;
	private volatile Thread thread;
	private volatile Connection connection;
	private volatile Integer backendPid;
	private volatile OffsetDateTime connectedSince;
	private volatile String lastError;

	/**
	 * @param channel a PostgreSQL identifier (not quoted, so lower case)
	 * @param wake called on the listener's own thread; must not throw for long
	 */
	public NotificationListener(String channel, JdbcConnectionDetails database, Duration poll, Runnable wake) {
		if (!channel.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain channel name: " + channel);
		}
		this.channel = channel;
		this.database = database;
		this.poll = poll;
		this.wake = wake;
	}

	@Override
	public void start() {
		running = true;
		thread = new Thread(this::listen, "listen-" + channel);
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void stop() {
		running = false;
		closeQuietly(connection);
		var listening = thread;
		if (listening != null) {
			listening.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Whether the LISTEN is in place now. */
	public boolean isListening() {
		return connectedSince != null;
	}

	/** How many times the connection has been opened: 1 after start, more after drops. */
	public long connects() {
		return connects.get();
	}

	@Override
	public Health health() {
		var health = isListening() ? Health.up() : Health.down();
		health.withDetail("channel", channel).withDetail("connects", connects.get());
		if (connectedSince != null) {
			health.withDetail("since", connectedSince.toString()).withDetail("backendPid", backendPid);
		}
		if (lastError != null) {
			health.withDetail("lastError", lastError);
		}
		return health.build();
	}

	private void listen() {
		var backoff = FIRST_BACKOFF;
		while (running) {
			try (var open = open()) {
				connection = open;
				try (var statement = open.createStatement()) {
					statement.execute("LISTEN " + channel);
					try (var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
						rows.next();
						backendPid = rows.getInt(1);
					}
				}
				connects.incrementAndGet();
				connectedSince = OffsetDateTime.now();
				backoff = FIRST_BACKOFF;
				log.info("Listening on {} (backend {})", channel, backendPid);
				// what was committed while nobody listened
				wakeSafely();
				var notifications = open.unwrap(PGConnection.class);
				while (running) {
					notifications.getNotifications((int) poll.toMillis());
					wakeSafely();
				}
			}
			catch (SQLException ex) {
				connectedSince = null;
				if (!running) {
					return;
				}
				lastError = ex.getMessage();
				log.warn("Listening on {} failed, again in {} ms: {}", channel, backoff.toMillis(), ex.getMessage());
				try {
					Thread.sleep(backoff.toMillis());
				}
				catch (InterruptedException interrupted) {
					return;
				}
				backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
			}
		}
	}

	private Connection open() throws SQLException {
		var properties = new Properties();
		properties.setProperty("user", database.getUsername());
		if (database.getPassword() != null) {
			properties.setProperty("password", database.getPassword());
		}
		properties.setProperty("ApplicationName", "cores-listen-" + channel);
		properties.setProperty("tcpKeepAlive", "true");
		return DriverManager.getConnection(database.getJdbcUrl(), properties);
	}

	private void wakeSafely() {
		try {
			wake.run();
		}
		catch (RuntimeException ex) {
			log.warn("Handling a notification on {} failed", channel, ex);
		}
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// closing on shutdown; nothing to do about it
			}
		}
	}
}

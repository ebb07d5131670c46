package io.cores.demo;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows into one table with {@code COPY ... FROM STDIN} in PostgreSQL's text format,
 * buffering about a megabyte at a time. Values are written as text: {@code null} as
 * {@code \N}, booleans as {@code t}/{@code f}, instants in ISO-8601, everything else with
 * {@code toString()} and the text format's escapes.
 */
final class CopyWriter implements AutoCloseable {

	private static final int FLUSH_AT = 1 << 20;

	private final CopyIn copy;
	private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
	private boolean finished;

	private CopyWriter(CopyIn copy) {
		this.copy = copy;
	}

	static CopyWriter open(CopyManager copyManager, String table, String... columns) throws SQLException {
		var sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
		return new CopyWriter(copyManager.copyIn(sql));
	}

	/** Appends one row; the values follow the column order given to {@link #open}. */
	CopyWriter row(Object... values) throws SQLException {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				buffer.append('\t');
			}
			append(values[i]);
		}
		buffer.append('\n');
		if (buffer.length() >= FLUSH_AT) {
			flush();
		}
		return this;
	}

	/** Ends the copy and returns the number of rows the server stored. */
	long finish() throws SQLException {
		flush();
		finished = true;
		return copy.endCopy();
	}

	@Override
	public void close() throws SQLException {
		if (!finished && copy.isActive()) {
			copy.cancelCopy();
		}
	}

	private void flush() throws SQLException {
		if (buffer.length() > 0) {
			var bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
			copy.writeToCopy(bytes, 0, bytes.length);
			buffer.setLength(0);
		}
	}

	private void append(Object value) {
		if (value == null) {
			buffer.append("\\N");
		}
		else if (value instanceof Boolean b) {
			buffer.append(b ? 't' : 'f');
		}
		else if (value instanceof Number || value instanceof Instant) {
			buffer.append(value);
		}
		else {
			var text = value.toString();
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				switch (c) {
					case '\\' -> buffer.append("\\\\");
					case '\t' -> buffer.append("\\t");
					case '\n' -> buffer.append("\\n");
					case '\r' -> buffer.append("\\r");
					default -> buffer.append(c);
				}
			}
		}
	}
}

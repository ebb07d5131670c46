package io.cores.platform.persistence;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.postgresql.util.PGobject;

/**
 * Maps a Java {@code String} to a PostgreSQL type that has a text form (inet, cidr, macaddr).
 * Parameters are sent typed, so comparisons such as {@code nic.ip = ?} use the column's
 * own operators and indexes, and the database does the normalising (e.g. MAC spelling).
 */
public abstract class PgObjectJdbcType implements JdbcType {

	private final String pgType;

	protected PgObjectJdbcType(String pgType) {
		this.pgType = pgType;
	}

	@Override
	public int getJdbcTypeCode() {
		return Types.OTHER;
	}

	private PGobject toPg(String value) throws SQLException {
		PGobject object = new PGobject();
		object.setType(pgType);
		object.setValue(value);
		return object;
	}

	@Override
	public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
		return new BasicBinder<>(javaType, this) {
			@Override
			protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
				st.setObject(index, toPg(getJavaType().unwrap(value, String.class, options)));
			}

			@Override
			protected void doBind(CallableStatement st, X value, String name, WrapperOptions options) throws SQLException {
				st.setObject(name, toPg(getJavaType().unwrap(value, String.class, options)));
			}
		};
	}

	@Override
	public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
		return new BasicExtractor<>(javaType, this) {
			@Override
			protected X doExtract(ResultSet rs, int index, WrapperOptions options) throws SQLException {
				return getJavaType().wrap(rs.getString(index), options);
			}

			@Override
			protected X doExtract(CallableStatement statement, int index, WrapperOptions options) throws SQLException {
				return getJavaType().wrap(statement.getString(index), options);
			}

			@Override
			protected X doExtract(CallableStatement statement, String name, WrapperOptions options) throws SQLException {
				return getJavaType().wrap(statement.getString(name), options);
			}
		};
	}

	/** PostgreSQL {@code inet}: an IPv4 or IPv6 address. */
	public static final class Inet extends PgObjectJdbcType {
		public Inet() {
			super("inet");
		}
	}

	/** PostgreSQL {@code cidr}: a network block. */
	public static final class Cidr extends PgObjectJdbcType {
		public Cidr() {
			super("cidr");
		}
	}

	/** PostgreSQL {@code macaddr}: stored and read back in lower-case colon form. */
	public static final class Macaddr extends PgObjectJdbcType {
		public Macaddr() {
			super("macaddr");
		}
	}

	/** PostgreSQL {@code jsonb}, kept as its text in Java. */
	public static final class Jsonb extends PgObjectJdbcType {
		public Jsonb() {
			super("jsonb");
		}
	}
}

package io.cores.platform.graphql;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

/**
 * The MacAddress, IPAddress and CIDR scalars. Input is checked and normalised here, so a bad
 * address is a validation error naming the argument and never reaches the database. The
 * normalisers are public for input checked item by item rather than as a whole argument (a
 * scan's entries, where one bad address must not refuse the rest).
 */
public final class NetworkScalars {

	private static final Pattern MAC_SEPARATED = Pattern.compile("[0-9a-f]{2}([:-])[0-9a-f]{2}(\\1[0-9a-f]{2}){4}");
	private static final Pattern MAC_DOTTED = Pattern.compile("[0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4}");
	private static final Pattern MAC_BARE = Pattern.compile("[0-9a-f]{12}");
	private static final Pattern IPV4 = Pattern
		.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
	private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

	private NetworkScalars() {
	}

	static final GraphQLScalarType MAC_ADDRESS = scalar("MacAddress", NetworkScalars::mac);
	static final GraphQLScalarType IP_ADDRESS = scalar("IPAddress", NetworkScalars::ip);
	static final GraphQLScalarType CIDR = scalar("CIDR", NetworkScalars::cidr);

	/** Lower-case colon form of any accepted MAC spelling; IllegalArgumentException otherwise. */
	public static String mac(String input) {
		var text = input.trim().toLowerCase(Locale.ROOT);
		String hex;
		if (MAC_SEPARATED.matcher(text).matches() || MAC_DOTTED.matcher(text).matches()
				|| MAC_BARE.matcher(text).matches()) {
			hex = text.replaceAll("[:.-]", "");
		}
		else {
			throw new IllegalArgumentException("'" + input + "' is not a MAC address (use aa:bb:cc:dd:ee:ff)");
		}
		var out = new StringBuilder(17);
		for (int i = 0; i < 12; i += 2) {
			if (i > 0) {
				out.append(':');
			}
			out.append(hex, i, i + 2);
		}
		return out.toString();
	}

	/** An IPv4 or IPv6 address (IPv6 not necessarily in PostgreSQL's shortest form); IllegalArgumentException otherwise. */
	public static String ip(String input) {
		var text = input.trim();
		if (IPV4.matcher(text).matches()) {
			return text;
		}
		var address = ipv6(text);
		if (address == null) {
			throw new IllegalArgumentException("'" + input + "' is not an IPv4 or IPv6 address");
		}
		return address.getHostAddress();
	}

	static String cidr(String input) {
		var text = input.trim();
		int slash = text.indexOf('/');
		if (slash < 0) {
			throw new IllegalArgumentException("'" + input + "' is not a network block (use 10.1.0.0/16)");
		}
		var addressText = text.substring(0, slash);
		InetAddress address;
		try {
			address = IPV4.matcher(addressText).matches() ? InetAddress.getByName(addressText) : ipv6(addressText);
		}
		catch (UnknownHostException ex) {
			address = null;
		}
		int length;
		try {
			length = Integer.parseInt(text.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			length = -1;
		}
		if (address == null || length < 0 || length > address.getAddress().length * 8) {
			throw new IllegalArgumentException("'" + input + "' is not a network block (use 10.1.0.0/16)");
		}
		int bits = address.getAddress().length * 8;
		var value = new BigInteger(1, address.getAddress());
		var hostMask = BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE);
		if (!value.and(hostMask).equals(BigInteger.ZERO)) {
			throw new IllegalArgumentException("'" + input + "' has bits set right of the mask; did you mean "
					+ network(value.andNot(hostMask), bits) + "/" + length + "?");
		}
		return address.getHostAddress() + "/" + length;
	}

	private static String network(BigInteger value, int bits) {
		var bytes = value.toByteArray();
		var full = new byte[bits / 8];
		int copy = Math.min(bytes.length, full.length);
		System.arraycopy(bytes, bytes.length - copy, full, full.length - copy, copy);
		try {
			return InetAddress.getByAddress(full).getHostAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An IPv6 literal, parsed without any name lookup; null if it is not one. */
	private static InetAddress ipv6(String text) {
		if (!text.contains(":") || !IPV6_CHARS.matcher(text).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName("[" + text + "]");
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static GraphQLScalarType scalar(String name, UnaryOperator<String> normalise) {
		return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<String, String>() {
			@Override
			public String serialize(Object value, GraphQLContext context, java.util.Locale locale) {
				return value.toString();
			}

			@Override
			public String parseValue(Object input, GraphQLContext context, java.util.Locale locale) {
				if (!(input instanceof String text)) {
					throw new CoercingParseValueException(name + " must be a string");
				}
				try {
					return normalise.apply(text);
				}
				catch (IllegalArgumentException ex) {
					throw new CoercingParseValueException(ex.getMessage());
				}
			}

			@Override
			public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					java.util.Locale locale) {
				if (!(input instanceof StringValue text)) {
					throw new CoercingParseLiteralException(name + " must be a string");
				}
				try {
					return normalise.apply(text.getValue());
				}
				catch (IllegalArgumentException ex) {
					throw new CoercingParseLiteralException(ex.getMessage());
				}
			}
		}).build();
	}
}

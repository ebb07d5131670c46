package io.cores.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A stand-in identity provider: one RSA key pair per test run, whose public key the server is
 * configured to trust, and JWTs signed with it (or with a stranger's key). Its tokens come from
 * {@link #ISSUER} for the {@link #AUDIENCE} the test profile accepts.
 */
public final class TestJwt {

	public static final String ISSUER = "https://idp.test/realms/lab";
	/** The audience the test profile lists in cores.security.jwt.audiences. */
	public static final String AUDIENCE = "cores";

	private static final KeyPair TRUSTED = generate();
	private static Path publicKeyFile;

	private TestJwt() {
	}

	public static synchronized void register(DynamicPropertyRegistry registry) {
		if (publicKeyFile == null) {
			try {
				publicKeyFile = Files.createTempFile("cores-test-jwt", ".pem");
				var pem = "-----BEGIN PUBLIC KEY-----\n"
						+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(TRUSTED.getPublic().getEncoded())
						+ "\n-----END PUBLIC KEY-----\n";
				Files.writeString(publicKeyFile, pem);
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + publicKeyFile);
	}

	/** A JWT for this subject and claims, valid for an hour, signed by the trusted key. */
	public static String signed(String subject, String username, String email, List<String> groups) {
		return sign(TRUSTED, ISSUER, List.of(AUDIENCE), subject, username, email, groups, Instant.now().plusSeconds(3600));
	}

	/** As {@link #signed}, from another issuer trusting the same key. */
	public static String fromIssuer(String issuer, String subject, String username, List<String> groups) {
		return sign(TRUSTED, issuer, List.of(AUDIENCE), subject, username, null, groups, Instant.now().plusSeconds(3600));
	}

	/** As {@link #signed}, meant for these audiences (none: no aud claim). */
	public static String forAudiences(List<String> audiences, String subject, String username) {
		return sign(TRUSTED, ISSUER, audiences, subject, username, null, List.of(), Instant.now().plusSeconds(3600));
	}

	/** As {@link #signed}, expiring at {@code expiry}. */
	public static String expiringAt(Instant expiry, String subject, String username) {
		return sign(TRUSTED, ISSUER, List.of(AUDIENCE), subject, username, null, List.of(), expiry);
	}

	public static String expired(String subject, String username) {
		return expiringAt(Instant.now().minusSeconds(600), subject, username);
	}

	public static String signedByStranger(String subject, String username) {
		return sign(generate(), ISSUER, List.of(AUDIENCE), subject, username, null, List.of(), Instant.now().plusSeconds(3600));
	}

	private static String sign(KeyPair keys, String issuer, List<String> audiences, String subject, String username,
			String email, List<String> groups, Instant expiry) {
		var claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer(issuer)
			.audience(audiences.isEmpty() ? null : audiences)
			.claim("preferred_username", username)
			.claim("email", email)
			.claim("name", username)
			.claim("groups", groups)
			.issueTime(Date.from(Instant.now().minusSeconds(700)))
			.expirationTime(Date.from(expiry))
			// every sign-in gets a token of its own, as from a real provider
			.jwtID(java.util.UUID.randomUUID().toString())
			.build();
		var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		try {
			jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static KeyPair generate() {
		try {
			var generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}

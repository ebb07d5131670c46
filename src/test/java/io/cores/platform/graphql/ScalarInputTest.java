package io.cores.platform.graphql;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;

import io.cores.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad scalar input is a validation error naming the argument and the problem, never a 500. */
class ScalarInputTest extends ApiTest {

	@Test
	void aMalformedMacAddressIsRefusedByName() {
		assertRefused("{ nics(filter: { mac: { eq: \"00:1b:21:zz:00:01\" } }) { totalCount } }",
				"filter.mac.eq", "is not a MAC address");
	}

	@Test
	void aMalformedIpAddressIsRefused() {
		assertRefused("{ hosts(filter: { ip: { eq: \"300.1.2.3\" } }) { totalCount } }", "filter.ip.eq",
				"is not an IPv4 or IPv6 address");
	}

	@Test
	void aNetworkBlockWithHostBitsIsRefusedWithTheBlockMeant() {
		assertRefused("{ hosts(filter: { ip: { inSubnet: \"10.1.2.3/16\" } }) { totalCount } }", "filter.ip.inSubnet",
				"did you mean 10.1.0.0/16?");
	}

	@Test
	void aMalformedDateTimeIsRefused() {
		assertRefused("{ hosts(filter: { lastSeen: { gt: \"yesterday\" } }) { totalCount } }", "filter.lastSeen.gt",
				"DateTime");
	}

	@Test
	void badVariablesAreRefusedToo() {
		graphQl().document("query($mac: MacAddress!) { nics(filter: { mac: { eq: $mac } }) { totalCount } }")
			.variable("mac", "nonsense")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("'nonsense' is not a MAC address")));
	}

	@Test
	void everyAcceptedMacSpellingFindsTheSameNic() {
		long host = data().host("mac", null, "NEW");
		var mac = data().mac();
		data().nic(host, mac, null, false, null);
		var hex = mac.replace(":", "");
		for (var spelling : new String[] { mac.toUpperCase(), mac.replace(':', '-'),
				hex.substring(0, 4) + "." + hex.substring(4, 8) + "." + hex.substring(8) }) {
			graphQl().document("{ nics(filter: { mac: { eq: \"" + spelling + "\" } }) { nodes { mac } } }")
				.execute()
				.path("nics.nodes[0].mac").entity(String.class).isEqualTo(mac);
		}
	}

	@Test
	void anIdOfNoKnownShapeIsRefused() {
		graphQl().document("{ host(id: \"%%%\") { hostname } }").execute().errors()
			.expect(e -> e.getMessage().equals("id: '%%%' is not a valid id")
					&& "BAD_REQUEST".equals(String.valueOf(e.getExtensions().get("classification"))));
	}

	private void assertRefused(String query, String argument, String problem) {
		graphQl().document(query).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
			.satisfies(e -> assertValidation(e, argument, problem)));
	}

	private static void assertValidation(ResponseError error, String argument, String problem) {
		assertThat(error.getErrorType().toString()).isEqualTo("ValidationError");
		assertThat(error.getMessage()).contains("'" + argument + "'").contains(problem);
	}
}

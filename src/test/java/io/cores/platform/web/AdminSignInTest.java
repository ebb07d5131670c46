package io.cores.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cores.support.ApiTest;

/**
 * The admin UI's sign-in settings over HTTP, on a server with no identity provider for the
 * admin (the test profile trusts a public key, with no issuer and no client id). A server with
 * one is AdminUiTest's, where the browser signs in there.
 */
class AdminSignInTest extends ApiTest {

	@LocalServerPort
	private int port;

	@Test
	void withoutAProviderTheAdminOffersTheTokenOnly() throws Exception {
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/sign-in.json")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(response.body()).isEqualTo("{\"oidc\":null}");
	}
}

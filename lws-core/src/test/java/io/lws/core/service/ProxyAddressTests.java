package io.lws.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ProxyAddress}: the {@code lws_set_proxy} / {@code http_proxy} forms, and the CONNECT it sends. */
class ProxyAddressTests {

	private static String basic(String credentials) {
		return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void hostAndPort() {
		assertThat(ProxyAddress.parse("proxy.example:3128")).isEqualTo(new ProxyAddress("proxy.example", 3128, null));
		assertThat(ProxyAddress.parse(" 10.0.0.1:8080 ")).isEqualTo(new ProxyAddress("10.0.0.1", 8080, null));
		assertThat(ProxyAddress.parse("[::1]:3128")).isEqualTo(new ProxyAddress("::1", 3128, null));
	}

	@Test
	void theEnvironmentVariableForm() {
		assertThat(ProxyAddress.parse("http://proxy:3128/")).isEqualTo(new ProxyAddress("proxy", 3128, null));
		assertThat(ProxyAddress.parse("HTTP://proxy:3128")).isEqualTo(new ProxyAddress("proxy", 3128, null));
		assertThat(ProxyAddress.parse("http://user:secret@proxy:3128/"))
			.isEqualTo(new ProxyAddress("proxy", 3128, basic("user:secret")));
	}

	@Test
	void credentialsMayHoldAnAt() {
		assertThat(ProxyAddress.parse("me@example.org:p@ss@proxy:1"))
			.isEqualTo(new ProxyAddress("proxy", 1, basic("me@example.org:p@ss")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "proxy", "proxy:", ":3128", "proxy:0", "proxy:65536", "proxy:http", "proxy:3128/path",
			"user:pass@proxy", "https://proxy:3128",
			"proxy:3128:3128", "::1:3128", "@proxy:3128" })
	void badFormsAreRefusedClearly(String text) {
		assertThatThrownBy(() -> ProxyAddress.parse(text)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(text);
	}

	@Test
	void connectRequestNamesTheTargetAndCarriesCredentials() {
		assertThat(ProxyAddress.parse("proxy:1").connectRequest("example.org", 443))
			.isEqualTo("CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n");
		assertThat(ProxyAddress.parse("u:p@proxy:1").connectRequest("::1", 80))
			.isEqualTo("CONNECT [::1]:80 HTTP/1.1\r\nHost: [::1]:80\r\nProxy-Authorization: Basic " + basic("u:p")
					+ "\r\n\r\n");
	}

	@Test
	void toStringHidesTheCredentials() {
		assertThat(ProxyAddress.parse("user:secret@proxy:3128").toString()).isEqualTo("proxy:3128 (with credentials)")
			.doesNotContain("secret");
	}

}

package io.lws.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LwsUriTest {

	@Test
	void parsesSchemeHostPortAndPath() {
		assertThat(LwsUri.parse("wss://example.org:8443/a/b?c=d")).isEqualTo(new LwsUri("wss", "example.org", 8443, "/a/b?c=d"));
		assertThat(LwsUri.parse("http://example.org")).isEqualTo(new LwsUri("http", "example.org", 80, "/"));
		assertThat(LwsUri.parse("https://[::1]/x")).isEqualTo(new LwsUri("https", "::1", 443, "/x"));
		assertThat(LwsUri.parse("localhost:7681")).isEqualTo(new LwsUri("", "localhost", 7681, "/"));
	}

	@Test
	void refusesMissingHostsAndBadPorts() {
		assertThatThrownBy(() -> LwsUri.parse("http:///x")).hasMessageContaining("No host");
		assertThatThrownBy(() -> LwsUri.parse("http://h:99999/")).hasMessageContaining("out of range");
		assertThatThrownBy(() -> LwsUri.parse("http://h:x/")).hasMessageContaining("Bad port");
	}

}

package io.lws.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link LwsUri#parse} ({@code lws_parse_uri}) and its edge cases. */
class LwsUriTest {

	@Test
	void parsesSchemeHostPortAndPath() {
		assertThat(LwsUri.parse("wss://example.org:8443/a/b?c=d"))
			.isEqualTo(new LwsUri("wss", "example.org", 8443, "/a/b?c=d"));
		assertThat(LwsUri.parse("http://example.org")).isEqualTo(new LwsUri("http", "example.org", 80, "/"));
		assertThat(LwsUri.parse("https://[::1]/x")).isEqualTo(new LwsUri("https", "::1", 443, "/x"));
		assertThat(LwsUri.parse("localhost:7681")).isEqualTo(new LwsUri("", "localhost", 7681, "/"));
	}

	@Test
	void defaultPortsFollowTheScheme() {
		assertThat(LwsUri.parse("ws://h").port()).isEqualTo(80);
		assertThat(LwsUri.parse("wss://h").port()).isEqualTo(443);
		assertThat(LwsUri.parse("https://h").port()).isEqualTo(443);
		assertThat(LwsUri.parse("h").port()).isEqualTo(80);
		assertThat(LwsUri.parse("foo://h").port()).isEqualTo(80);
	}

	@Test
	void ipv6LiteralsWithAndWithoutPort() {
		assertThat(LwsUri.parse("ws://[::1]:7681/chat")).isEqualTo(new LwsUri("ws", "::1", 7681, "/chat"));
		assertThat(LwsUri.parse("ws://[fe80::1%25eth0]")).isEqualTo(new LwsUri("ws", "fe80::1%25eth0", 80, "/"));
		assertThat(LwsUri.parse("[2001:db8::7]:9000")).isEqualTo(new LwsUri("", "2001:db8::7", 9000, "/"));
		assertThat(LwsUri.parse("http://[::1]?q=1")).isEqualTo(new LwsUri("http", "::1", 80, "/?q=1"));
	}

	@Test
	void queryAndFragmentWithoutAPath() {
		assertThat(LwsUri.parse("http://h?x=1")).isEqualTo(new LwsUri("http", "h", 80, "/?x=1"));
		assertThat(LwsUri.parse("http://h:81?x=1")).isEqualTo(new LwsUri("http", "h", 81, "/?x=1"));
		assertThat(LwsUri.parse("http://h/p#frag")).isEqualTo(new LwsUri("http", "h", 80, "/p"));
		assertThat(LwsUri.parse("http://h#frag")).isEqualTo(new LwsUri("http", "h", 80, "/"));
		assertThat(LwsUri.parse("http://h/p?u=http://other/x")).isEqualTo(new LwsUri("http", "h", 80, "/p?u=http://other/x"));
	}

	@Test
	void schemeIsCaseInsensitiveButTheHostKeepsItsCase() {
		assertThat(LwsUri.parse("HTTPS://Example.ORG/Path"))
			.isEqualTo(new LwsUri("https", "Example.ORG", 443, "/Path"));
		assertThat(LwsUri.parse("  Ws://h:1/  ")).isEqualTo(new LwsUri("ws", "h", 1, "/"));
	}

	@Test
	void aSchemeSeparatorInTheQueryIsNotAScheme() {
		assertThat(LwsUri.parse("h/go?to=http://x")).isEqualTo(new LwsUri("", "h", 80, "/go?to=http://x"));
		assertThat(LwsUri.parse("h:8/a://b")).isEqualTo(new LwsUri("", "h", 8, "/a://b"));
	}

	@Test
	void refusesMissingHostsAndBadPorts() {
		assertThatThrownBy(() -> LwsUri.parse("http:///x")).hasMessageContaining("No host");
		assertThatThrownBy(() -> LwsUri.parse("http://h:99999/")).hasMessageContaining("out of range");
		assertThatThrownBy(() -> LwsUri.parse("http://h:x/")).hasMessageContaining("Bad port");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "http://", "ws://:80/", "http://?q", "http://[]:80/", "/just/a/path" })
	void noHost(String uri) {
		assertThatThrownBy(() -> LwsUri.parse(uri)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("No host");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://h:/", "http://h:+80/", "http://h:-1/", "http://h: 80/", "http://h:8o/",
			"http://h:0800000/", "http://[::1]:/" })
	void badPorts(String uri) {
		assertThatThrownBy(() -> LwsUri.parse(uri)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Bad port");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://h:0/", "http://h:65536/", "http://[::1]:70000/" })
	void portsOutOfRange(String uri) {
		assertThatThrownBy(() -> LwsUri.parse(uri)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("out of range");
	}

	@Test
	void brokenIpv6Literals() {
		assertThatThrownBy(() -> LwsUri.parse("ws://[::1/x")).hasMessageContaining("Unclosed IPv6 literal");
		assertThatThrownBy(() -> LwsUri.parse("ws://[::1]x/")).hasMessageContaining("after the IPv6 literal");
		assertThatThrownBy(() -> LwsUri.parse("ws://::1:80/")).hasMessageContaining("must be in brackets");
	}

	@Test
	void thePortLimitsAreIncluded() {
		assertThat(LwsUri.parse("ws://h:1").port()).isEqualTo(1);
		assertThat(LwsUri.parse("ws://h:65535").port()).isEqualTo(65535);
	}

	@Test
	void ipLiteralsAreToldFromNames() {
		assertThat(LwsUri.isIpLiteral("127.0.0.1")).isTrue();
		assertThat(LwsUri.isIpLiteral("::1")).isTrue();
		assertThat(LwsUri.isIpLiteral(LwsUri.parse("ws://[fe80::1]:80/").host())).isTrue();
		assertThat(LwsUri.isIpLiteral("localhost")).isFalse();
		assertThat(LwsUri.isIpLiteral("1.example")).isFalse();
		assertThat(LwsUri.isIpLiteral("")).isFalse();
	}

}

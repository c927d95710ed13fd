package io.lws.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link ClientConnectInfo}: defaults, {@code forUri}, and the members it refuses. */
class ClientConnectInfoTest {

	@Test
	void forUriFillsTheTargetAndTheKindOfConnection() {
		ClientConnectInfo ws = ClientConnectInfo.forUri("ws://h:81/chat?x=1").build();
		assertThat(ws.address()).isEqualTo("h");
		assertThat(ws.port()).isEqualTo(81);
		assertThat(ws.path()).isEqualTo("/chat?x=1");
		assertThat(ws.host()).isEqualTo("h:81");
		assertThat(ws.isHttp()).isFalse();
		assertThat(ws.ssl()).isFalse();
		ClientConnectInfo https = ClientConnectInfo.forUri("HTTPS://[::1]/").build();
		assertThat(https.ssl()).isTrue();
		assertThat(https.method()).isEqualTo("GET");
		assertThat(https.host()).isEqualTo("[::1]");
		assertThat(ClientConnectInfo.forUri("wss://h").build().host()).isEqualTo("h");
		assertThat(ClientConnectInfo.forUri("http://h:443/").build().host()).isEqualTo("h:443");
		assertThatThrownBy(() -> ClientConnectInfo.forUri("ftp://h/")).hasMessageContaining("Scheme 'ftp'");
		assertThatThrownBy(() -> ClientConnectInfo.forUri("ws://:1/")).hasMessageContaining("No host");
	}

	@Test
	void theMethodIsUpperCased() {
		assertThat(ClientConnectInfo.builder().address("h").method("post").build().method()).isEqualTo("POST");
	}

	@Test
	void badMembersAreRefusedByName() {
		assertThatThrownBy(() -> ClientConnectInfo.builder().build()).hasMessageContaining("needs an address");
		assertThatThrownBy(() -> ClientConnectInfo.builder().address("h").port(0).build())
			.hasMessageContaining("Port 0");
		assertThatThrownBy(() -> ClientConnectInfo.builder().address("h").path("no-slash").build())
			.hasMessageContaining("must start with '/'");
		assertThatThrownBy(() -> ClientConnectInfo.builder().address("h").path("/a b").build())
			.hasMessageContaining("no spaces");
		assertThatThrownBy(() -> ClientConnectInfo.builder().address("h").method("GE T").build())
			.hasMessageContaining("not an HTTP method");
		assertThatThrownBy(() -> ClientConnectInfo.builder().address("h").ietfVersionOrMinusOne(8).build())
			.hasMessageContaining("version 8");
		assertThatThrownBy(() -> ClientConnectInfo.builder().address("h").uriReplace("", "x").build())
			.hasMessageContaining("uri_replace_from");
		assertThatThrownBy(() -> ClientConnectInfo.builder().address("h").origin("a\r\nX-Evil: 1").build())
			.hasMessageContaining("line break");
	}

}

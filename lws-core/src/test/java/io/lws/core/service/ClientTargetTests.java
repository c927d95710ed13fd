package io.lws.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.lws.core.ClientConnectInfo;

/** {@link ClientTarget}: where a redirect's {@code Location} leads from the current target. */
class ClientTargetTests {

	private static final ClientConnectInfo HERE = ClientConnectInfo.forUri("http://here.example:8080/dir/page?q=1")
		.build();

	private static ClientTarget go(String location) {
		return ClientTarget.resolve(HERE, location);
	}

	@Test
	void absoluteLocations() {
		assertThat(go("http://there.example/x")).isEqualTo(new ClientTarget(0, "there.example", 80, "/x"));
		assertThat(go("https://there.example/x")).isEqualTo(new ClientTarget(ClientConnectInfo.USE_SSL,
				"there.example", 443, "/x"));
		assertThat(go("wss://[::1]:9/")).isEqualTo(new ClientTarget(ClientConnectInfo.USE_SSL, "::1", 9, "/"));
		assertThat(go("HTTP://there.example:81")).isEqualTo(new ClientTarget(0, "there.example", 81, "/"));
		assertThat(go("  http://t/#frag  ")).isEqualTo(new ClientTarget(0, "t", 80, "/"));
	}

	@Test
	void tlsKeepsTheConnectionsCheckBits() {
		ClientConnectInfo selfSigned = ClientConnectInfo.forUri("https://h/").sslConnection(
				ClientConnectInfo.USE_SSL | ClientConnectInfo.ALLOW_SELFSIGNED).build();
		assertThat(ClientTarget.resolve(selfSigned, "https://other/").ssl())
			.isEqualTo(ClientConnectInfo.USE_SSL | ClientConnectInfo.ALLOW_SELFSIGNED);
		assertThatThrownBy(() -> ClientTarget.resolve(selfSigned, "http://other/"))
			.hasMessageContaining("from TLS to plain http is refused");
		assertThatThrownBy(() -> ClientTarget.resolve(selfSigned, "ws://other/"))
			.hasMessageContaining("from TLS to plain ws is refused");
		assertThat(ClientTarget.resolve(selfSigned, "/same-server").ssl())
			.isEqualTo(ClientConnectInfo.USE_SSL | ClientConnectInfo.ALLOW_SELFSIGNED);
	}

	@Test
	void schemeRelativeLocationsKeepTheScheme() {
		assertThat(go("//cdn.example/a")).isEqualTo(new ClientTarget(0, "cdn.example", 80, "/a"));
	}

	@Test
	void relativeLocationsResolveAgainstThePath() {
		assertThat(go("/root")).isEqualTo(new ClientTarget(0, "here.example", 8080, "/root"));
		assertThat(go("sibling")).isEqualTo(new ClientTarget(0, "here.example", 8080, "/dir/sibling"));
		assertThat(go("sub/x?y=2").path()).isEqualTo("/dir/sub/x?y=2");
		assertThat(go("?other=2").path()).isEqualTo("/dir/page?other=2");
		assertThat(go("#top").path()).isEqualTo("/dir/page?q=1");
		assertThat(go("../up").path()).isEqualTo("/up");
		assertThat(go("../../../../up").path()).isEqualTo("/up");
		assertThat(go("./same").path()).isEqualTo("/dir/same");
		assertThat(go("..").path()).isEqualTo("/");
		assertThat(go(".").path()).isEqualTo("/dir/");
		assertThat(go("/a/./b/../c?x=../y").path()).isEqualTo("/a/c?x=../y");
		assertThat(go("/go?to=http://elsewhere/").path()).isEqualTo("/go?to=http://elsewhere/");
	}

	@Test
	void unusableLocationsAreRefused() {
		assertThatThrownBy(() -> go("ftp://h/x")).hasMessageContaining("scheme 'ftp' cannot be followed");
		assertThatThrownBy(() -> go("http://:80/")).hasMessageContaining("No host");
		assertThatThrownBy(() -> go("http://h:0/")).hasMessageContaining("out of range");
		assertThatThrownBy(() -> go("  ")).hasMessageContaining("empty");
		assertThatThrownBy(() -> go("/a b")).hasMessageContaining("spaces");
		assertThatThrownBy(() -> go("http://h/a\u0001b")).hasMessageContaining("control characters");
	}

}

package io.lws.core.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.lws.core.HttpHeaders;
import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.mount.Mount;
import io.lws.core.mount.MountOrigin;
import io.lws.core.support.HttpResponse;
import io.lws.core.support.RawClient;
import io.lws.core.support.TestServer;
import io.lws.core.support.WsTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code LWS_CALLBACK_ADD_HEADERS}: the bound protocol adds headers to served files, their 304 and the 101. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AddHeadersTest {

	@TempDir
	Path dir;

	private static LwsProtocol<Object> adding(String name, int ret) {
		return LwsProtocol.of(name, new LwsProtocolHandler<>() {
			@Override
			public int onAddHeaders(Lws wsi, Object session, HttpHeaders headers) {
				headers.add("x-added-by", name);
				return ret;
			}
		});
	}

	@Test
	void servedFilesAndTheir304CarryTheAddedHeaders() throws Exception {
		Files.writeString(this.dir.resolve("a.txt"), "hello");
		Mount m = Mount.builder("/", MountOrigin.FILE, this.dir.toString()).build();
		try (TestServer s = TestServer.start((v) -> v.protocols(adding("http", 0)).mounts(m));
				RawClient c = s.client()) {
			HttpResponse r = c.send("GET /a.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			assertThat(r.status()).isEqualTo(200);
			assertThat(r.header("x-added-by")).isEqualTo("http");
			assertThat(r.bodyText()).isEqualTo("hello");
			HttpResponse again = c.send("GET /a.txt HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + r.header("etag")
					+ "\r\n\r\n").readResponse();
			assertThat(again.status()).isEqualTo(304);
			assertThat(again.header("x-added-by")).isEqualTo("http");
		}
	}

	@Test
	void theUpgradeCarriesTheChosenProtocolsHeadersAndARefusalIs500() throws Exception {
		try (TestServer s = TestServer.start((v) -> v.protocols(adding("http", 0), adding("chat", 0),
				adding("grumpy", 1)))) {
			try (WsTestClient c = WsTestClient.connect(s.port(), "/", "chat")) {
				assertThat(c.handshake().header("x-added-by")).isEqualTo("chat");
				assertThat(c.handshake().header("sec-websocket-protocol")).isEqualTo("chat");
			}
			assertThatThrownBy(() -> WsTestClient.connect(s.port(), "/", "grumpy")).hasMessageContaining("500");
		}
	}

	@Test
	void aRefusalOnAFileClosesWithoutAnAnswer() throws Exception {
		Files.writeString(this.dir.resolve("a.txt"), "hello");
		Mount m = Mount.builder("/", MountOrigin.FILE, this.dir.toString()).build();
		try (TestServer s = TestServer.start((v) -> v.protocols(adding("http", 1)).mounts(m));
				RawClient c = s.client()) {
			c.send("GET /a.txt HTTP/1.1\r\nHost: x\r\n\r\n");
			assertThat(c.read()).isEqualTo(-1);
		}
	}

}

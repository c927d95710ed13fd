package io.lws.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lws.core.ClientConnectInfo;
import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.WriteProtocol;
import io.lws.core.protocols.EchoHandler;
import io.lws.core.support.ClientRecorder;
import io.lws.core.support.EchoProtocol;
import io.lws.core.support.TestServer;

/** Our WebSocket client against our server: handshake, messages both ways, pings, close, failures. */
class ClientWebSocketTest {

	private static ClientConnectInfo.Builder to(TestServer server) {
		return ClientConnectInfo.builder().address("127.0.0.1").port(server.port()).protocol("echo");
	}

	@Test
	void echoesTextAndBinaryAndClosesCleanly() throws Exception {
		try (TestServer server = TestServer.start((v) -> v.protocols(EchoProtocol.create(4096)));
				ClientRecorder rec = new ClientRecorder().start("echo")) {
			rec.onEstablished = (wsi) -> {
				wsi.write("hello", WriteProtocol.TEXT);
				wsi.write(ByteBuffer.wrap(new byte[] { 1, 2, 3 }), WriteProtocol.BINARY);
			};
			Lws wsi = rec.connect(to(server).build());
			assertThat(rec.next()).isEqualTo("established:echo");
			assertThat(rec.next()).isEqualTo("receive:hello");
			assertThat(rec.next()).isEqualTo("binary:\u0001\u0002\u0003");
			assertThat(wsi.isClient()).isTrue();
			assertThat(wsi.isWebSocket()).isTrue();
			// set before asking for the callback, which may come at once
			rec.onWriteable = (w) -> {
				throw new IllegalStateException("close by throwing");
			};
			rec.context().post(0, () -> {
				wsi.closeReason(1000, "bye");
				wsi.callbackOnWritable();
			});
			assertThat(rec.await("closed")).isEqualTo("closed");
			server.awaitConnections(0);
		}
	}

	/**
	 * A client protocol built with {@code validateUtf8(false)} receives text that is not UTF-8 as sent; one that
	 * validates (the default) fails the connection with 1007, as RFC 6455 8.1 asks.
	 */
	@Test
	void aClientProtocolChecksTheServersTextForUtf8UnlessItOptedOut() throws Exception {
		byte[] notUtf8 = { 'o', 'k', (byte) 0xC3, (byte) 0x28 };
		LwsProtocol<Void> rawEcho = LwsProtocol.builder("echo", new EchoHandler()).validateUtf8(false).build();
		try (TestServer server = TestServer.start((v) -> v.protocols(rawEcho))) {
			try (ClientRecorder rec = new ClientRecorder().startWithProtocol("echo", (p) -> p.validateUtf8(false))) {
				rec.onEstablished = (wsi) -> wsi.write(ByteBuffer.wrap(notUtf8), WriteProtocol.TEXT);
				rec.connect(to(server).build());
				assertThat(rec.next()).isEqualTo("established:echo");
				assertThat(rec.next()).isEqualTo("receive:" + new String(notUtf8, StandardCharsets.UTF_8));
			}
			try (ClientRecorder rec = new ClientRecorder().start("echo")) {
				rec.onEstablished = (wsi) -> wsi.write(ByteBuffer.wrap(notUtf8), WriteProtocol.TEXT);
				rec.connect(to(server).build());
				assertThat(rec.next()).isEqualTo("established:echo");
				assertThat(rec.next()).isEqualTo("closed");
			}
		}
	}

	@Test
	void largeFragmentedMessageRoundTrips() throws Exception {
		try (TestServer server = TestServer.start((v) -> v.protocols(EchoProtocol.create(4096)));
				ClientRecorder rec = new ClientRecorder().start("echo")) {
			String big = "x".repeat(300_000);
			rec.onEstablished = (wsi) -> {
				byte[] b = big.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
				wsi.write(ByteBuffer.wrap(b, 0, 100_000), WriteProtocol.TEXT, false);
				wsi.write(ByteBuffer.wrap(b, 100_000, b.length - 100_000), WriteProtocol.CONTINUATION, true);
			};
			rec.connect(to(server).build());
			assertThat(rec.next()).isEqualTo("established:echo");
			assertThat(rec.next()).isEqualTo("receive:" + big);
		}
	}

	@Test
	void refusedConnectionReportsWhy() throws Exception {
		int freePort;
		try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
			freePort = s.getLocalPort();
		}
		try (ClientRecorder rec = new ClientRecorder().start("echo")) {
			rec.connect(ClientConnectInfo.builder().address("127.0.0.1").port(freePort).build());
			assertThat(rec.next()).startsWith("error:connect failed to 127.0.0.1:" + freePort).contains("refused");
			assertThat(rec.events.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
		}
	}

	@Test
	void unknownHostReportsDns() throws Exception {
		try (ClientRecorder rec = new ClientRecorder().start("echo")) {
			rec.connect(ClientConnectInfo.builder().address("no-such-host.invalid").port(80).build());
			assertThat(rec.next()).isEqualTo("error:DNS: cannot resolve 'no-such-host.invalid'");
		}
	}

	@Test
	void serverRefusingTheProtocolIsAConnectionError() throws Exception {
		try (TestServer server = TestServer.start((v) -> v.protocols(EchoProtocol.create(4096)));
				ClientRecorder rec = new ClientRecorder().start("other")) {
			rec.connect(ClientConnectInfo.builder().address("127.0.0.1").port(server.port()).protocol("other").build());
			assertThat(rec.next()).isEqualTo("error:HS: ws upgrade response not 101 (got 400)");
		}
	}

	@Test
	void plainHttpServerAnsweringWithoutUpgradeFails() throws Exception {
		try (TestServer server = TestServer.start((v) -> v.protocols(List.of(LwsProtocol.of("http",
				new LwsProtocolHandler<Object>() {
				})))); ClientRecorder rec = new ClientRecorder().start("echo")) {
			rec.connect(to(server).path("/nothing").build());
			assertThat(rec.next()).startsWith("error:HS:");
		}
	}

}

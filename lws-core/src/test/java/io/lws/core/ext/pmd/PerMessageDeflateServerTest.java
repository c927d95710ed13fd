package io.lws.core.ext.pmd;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.CloseStatus;
import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.ext.ActiveExtension;
import io.lws.core.ext.ExtensionNegotiator;
import io.lws.core.protocols.EchoHandler;
import io.lws.core.support.EchoProtocol;
import io.lws.core.support.HttpResponse;
import io.lws.core.support.RawClient;
import io.lws.core.support.TestServer;
import io.lws.core.support.WsTestClient;
import io.lws.core.ws.Opcode;

import static org.assertj.core.api.Assertions.assertThat;

/** permessage-deflate through a real server: the handshake answers, compressed echo, refusals and limits. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PerMessageDeflateServerTest {

	private static TestServer echoServer(PerMessageDeflate pmd, long maxMessageSize) {
		return TestServer.start((v) -> v.protocols(EchoProtocol.create(4096))
			.extensions(pmd)
			.maxMessageSize(maxMessageSize));
	}

	/** The client end of the extension the server answered. */
	private static ActiveExtension clientEnd(WsTestClient c) throws Exception {
		return clientEnd(c, true);
	}

	private static ActiveExtension clientEnd(WsTestClient c, boolean validateUtf8) throws Exception {
		ExtensionNegotiator.Choice choice = ExtensionNegotiator.clientAccept(List.of(PerMessageDeflate.create()),
				c.handshake().header("sec-websocket-extensions"), null, 4096);
		return new ActiveExtension(choice.extension(), choice.session(), null, choice.response(), 4096, validateUtf8,
				0);
	}

	private static void sendCompressed(WsTestClient c, ActiveExtension client, byte[] message, boolean binary)
			throws Exception {
		for (PmdLink.Frame f : PmdLink.send(client, message, binary, message.length / 2)) {
			c.sendRaw(WsTestClient.frame(f.fin(), f.rsv1() ? 4 : 0, f.op().code(), f.payload(), true));
		}
	}

	/** Reads frames up to the end of a data message and decompresses it when its first frame has RSV1. */
	private static byte[] readMessage(WsTestClient c, ActiveExtension client, boolean[] compressed) throws Exception {
		List<PmdLink.Frame> frames = new java.util.ArrayList<>();
		WsTestClient.Frame f;
		do {
			f = c.readFrame();
			if (f.opcode() >= 8) {
				continue;
			}
			frames.add(new PmdLink.Frame(Opcode.of(f.opcode()), f.fin(), (f.rsv() & 4) != 0, f.payload()));
		}
		while (!f.fin() || f.opcode() >= 8);
		compressed[0] = frames.get(0).rsv1();
		if (!compressed[0]) {
			return PmdLink.wire(frames);
		}
		return PmdLink.receive(client, frames, 4096).bytes();
	}

	/**
	 * A protocol built with {@code validateUtf8(false)} gets compressed text that inflates to bytes that are not UTF-8
	 * as sent, where the vhost's validating protocol fails it with 1007.
	 */
	@Test
	void compressedTextIsCheckedForUtf8OnlyForProtocolsThatValidate() throws Exception {
		byte[] notUtf8 = PmdLink.bytes('a', 'b', 0xC3, 0x28, 'c', 0xED, 0xA0, 0x80);
		try (TestServer s = TestServer.start((v) -> v
			.protocols(EchoProtocol.create(4096),
					LwsProtocol.builder("raw-echo", new EchoHandler()).validateUtf8(false).build())
			.extensions(PerMessageDeflate.create()))) {
			try (WsTestClient c = WsTestClient.connect(s.port(), "/", "raw-echo", "permessage-deflate")) {
				ActiveExtension client = clientEnd(c, false);
				sendCompressed(c, client, notUtf8, false);
				boolean[] compressed = new boolean[1];
				assertThat(readMessage(c, client, compressed)).isEqualTo(notUtf8);
				assertThat(compressed[0]).isTrue();
			}
			try (WsTestClient c = WsTestClient.connect(s.port(), "/", "echo", "permessage-deflate")) {
				sendCompressed(c, clientEnd(c), notUtf8, false);
				assertThat(c.readCloseCode()).isEqualTo(1007);
			}
		}
	}

	@Test
	void theFirstAcceptableOfferIsAnsweredAndMessagesEchoCompressedBothWays() throws Exception {
		try (TestServer s = echoServer(PerMessageDeflate.create(), 0);
				WsTestClient c = WsTestClient.connect(s.port(), "/", "echo",
						"permessage-deflate; foo, permessage-deflate; client_max_window_bits=\"10\", x-other")) {
			assertThat(c.handshake().header("sec-websocket-extensions"))
				.isEqualTo("permessage-deflate; client_max_window_bits=10");
			ActiveExtension client = clientEnd(c);
			boolean[] compressed = new boolean[1];
			for (int size : new int[] { 0, 1, 125, 4096, 70_000 }) {
				byte[] text = PmdCodecTests.text(size, size);
				sendCompressed(c, client, text, false);
				assertThat(readMessage(c, client, compressed)).isEqualTo(text);
				assertThat(compressed[0]).isTrue();
			}
			// an uncompressed message is still allowed, and comes back compressed
			c.sendText("plain");
			assertThat(new String(readMessage(c, client, compressed), StandardCharsets.UTF_8)).isEqualTo("plain");
			assertThat(compressed[0]).isTrue();
			// control frames are never compressed
			c.sendFrame(true, 9, "ping!".getBytes(StandardCharsets.US_ASCII));
			WsTestClient.Frame pong = c.readFrame();
			assertThat(pong.opcode()).isEqualTo(10);
			assertThat(pong.rsv()).isZero();
			assertThat(pong.text()).isEqualTo("ping!");
			c.sendClose(1000, "bye");
			WsTestClient.Frame close = c.readFrame();
			assertThat(close.rsv()).isZero();
			assertThat(close.closeCode()).isEqualTo(1000);
		}
	}

	@Test
	void garbageParametersGetAHandshakeWithoutTheExtension() throws Exception {
		try (TestServer s = echoServer(PerMessageDeflate.create(), 0);
				WsTestClient c = WsTestClient.connect(s.port(), "/", "echo",
						"permessage-deflate; foo=bar, permessage-deflate; server_max_window_bits=99, "
								+ "permessage-deflate; client_no_context_takeover=yes")) {
			assertThat(c.handshake().status()).isEqualTo(101);
			assertThat(c.handshake().header("sec-websocket-extensions")).isNull();
			// so RSV1 stays reserved
			c.sendRaw(WsTestClient.frame(true, 4, 1, new byte[] { 0x00 }, true));
			assertThat(c.readCloseCode()).isEqualTo(CloseStatus.PROTOCOL_ERR.code());
		}
	}

	@Test
	void aHeaderThatBreaksTheGrammarIsRefusedWith400() throws Exception {
		try (TestServer s = echoServer(PerMessageDeflate.create(), 0); RawClient raw = s.client()) {
			raw.send("GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
					+ "Sec-WebSocket-Protocol: echo\r\n"
					+ "Sec-WebSocket-Extensions: permessage-deflate; x=\"a b\"\r\n\r\n");
			HttpResponse r = raw.readResponse();
			assertThat(r.status()).isEqualTo(400);
			assertThat(r.bodyText()).contains("not a token");
		}
	}

	@Test
	void theProtocolMayRefuseItAndATinyRxBufferNeverGetsIt() throws Exception {
		List<String> asked = new CopyOnWriteArrayList<>();
		LwsProtocol<Object> refusing = LwsProtocol.builder("refusing", new LwsProtocolHandler<Object>() {
			@Override
			public int onConfirmExtensionOkay(Lws wsi, Object session, String name) {
				asked.add(name);
				return 1;
			}
		}).build();
		LwsProtocol<Object> tiny = LwsProtocol.builder("tiny", new LwsProtocolHandler<Object>() {
		}).rxBufferSize(20).build();
		try (TestServer s = TestServer.start((v) -> v.protocols(refusing, tiny)
			.extensions(PerMessageDeflate.create()))) {
			for (String protocol : List.of("refusing", "tiny")) {
				try (WsTestClient c = WsTestClient.connect(s.port(), "/", protocol,
						"permessage-deflate; client_no_context_takeover")) {
					assertThat(c.handshake().header("sec-websocket-extensions")).as(protocol).isNull();
				}
			}
			assertThat(asked).containsExactly("permessage-deflate");
		}
	}

	@Test
	void aCompressionBombClosesWith1009() throws Exception {
		try (TestServer s = echoServer(PerMessageDeflate.create(), 1 << 20);
				WsTestClient c = WsTestClient.connect(s.port(), "/", "echo", "permessage-deflate")) {
			ActiveExtension client = clientEnd(c);
			List<PmdLink.Frame> bomb = PmdLink.send(client, new byte[64 << 20], true);
			// the server may close while the bomb is still going out: send from another thread, read the close here
			Thread sender = new Thread(() -> {
				try {
					for (PmdLink.Frame f : bomb) {
						c.sendRaw(WsTestClient.frame(f.fin(), f.rsv1() ? 4 : 0, f.op().code(), f.payload(), true));
					}
				}
				catch (java.io.IOException ex) {
					// the server stopped reading: expected once it has failed the message
				}
			});
			sender.setDaemon(true);
			sender.start();
			assertThat(c.readCloseCode()).isEqualTo(CloseStatus.MESSAGE_TOO_LARGE.code());
			sender.join(10_000);
		}
	}

	@Test
	void setExtensionOptionAndNegotiatedExtensionsOnTheConnection() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		CountDownLatch done = new CountDownLatch(1);
		LwsProtocol<Object> p = LwsProtocol.builder("opts", new LwsProtocolHandler<Object>() {
			@Override
			public int onEstablished(Lws wsi, Object session) {
				seen.add(wsi.negotiatedExtensions());
				seen.add("level " + wsi.setExtensionOption("permessage-deflate", "compression_level", "9"));
				seen.add("bad " + wsi.setExtensionOption("permessage-deflate", "compression_level", "11"));
				seen.add("other " + wsi.setExtensionOption("x-other", "a", "b"));
				done.countDown();
				return 0;
			}
		}).build();
		try (TestServer s = TestServer.start((v) -> v.protocols(p)
			.extensions(PerMessageDeflate.builder().serverNoContextTakeover(true).build()));
				WsTestClient c = WsTestClient.connect(s.port(), "/", "opts", "permessage-deflate")) {
			assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(seen).containsExactly("permessage-deflate; server_no_context_takeover", "level 0", "bad -1",
					"other -1");
		}
	}

	@Test
	void rxFlowControlInsideACompressedMessageLosesNothing() throws Exception {
		ByteArrayOutputStream got = new ByteArrayOutputStream();
		CountDownLatch done = new CountDownLatch(1);
		LwsProtocol<Object> slow = LwsProtocol.builder("slow", new LwsProtocolHandler<Object>() {
			@Override
			public int onReceive(Lws wsi, Object session, ByteBuffer in) {
				byte[] b = new byte[in.remaining()];
				in.get(b);
				synchronized (got) {
					got.writeBytes(b);
				}
				if (wsi.isFinalFragment()) {
					done.countDown();
					return 0;
				}
				// stop after every piece and start again from a task, as an application waiting for a consumer
				wsi.rxFlowControl(false);
				wsi.post(() -> wsi.rxFlowControl(true));
				return 0;
			}
		}).rxBufferSize(256).build();
		byte[] message = PmdCodecTests.text(200_000, 11);
		try (TestServer s = TestServer.start((v) -> v.protocols(slow).extensions(PerMessageDeflate.create()));
				WsTestClient c = WsTestClient.connect(s.port(), "/", "slow", "permessage-deflate")) {
			ActiveExtension client = clientEnd(c);
			sendCompressed(c, client, message, false);
			assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
			synchronized (got) {
				assertThat(got.toByteArray()).isEqualTo(message);
			}
		}
	}

}

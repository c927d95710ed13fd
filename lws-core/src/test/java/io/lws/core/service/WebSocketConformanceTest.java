package io.lws.core.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.lws.core.support.EchoProtocol;
import io.lws.core.support.TestServer;
import io.lws.core.support.WsTestClient;
import io.lws.core.support.WsTestClient.Frame;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Autobahn fuzzing-client categories 1-7 and 9 as raw-socket cases against an echo protocol: framing, ping/pong,
 * reserved bits, opcodes, fragmentation, UTF-8, close handling and limits.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebSocketConformanceTest {

	static TestServer server;

	@BeforeAll
	static void start() {
		server = TestServer.start((v) -> v.protocols(EchoProtocol.create(4096)).maxMessageSize(32 * 1024 * 1024));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	static WsTestClient connect() throws IOException {
		return WsTestClient.connect(server.client(), "/", "echo");
	}

	static byte[] random(int n) {
		byte[] b = new byte[n];
		ThreadLocalRandom.current().nextBytes(b);
		return b;
	}

	// ---- 1. framing ----

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 125, 126, 127, 128, 4095, 4096, 4097, 65535, 65536, 1 << 20 })
	void echoesTextAndBinaryOfEverySize(int size) throws IOException {
		try (WsTestClient c = connect()) {
			byte[] bin = random(size);
			assertThat(c.sendBinary(bin).readMessage()).satisfies((f) -> {
				assertThat(f.opcode()).isEqualTo(2);
				assertThat(f.payload()).isEqualTo(bin);
			});
			String text = "a".repeat(size);
			Frame t = c.sendText(text).readMessage();
			assertThat(t.opcode()).isEqualTo(1);
			assertThat(t.text()).isEqualTo(text);
		}
	}

	@Test
	void echoesA16MiBMessageStreamed() throws Exception {
		try (WsTestClient c = connect()) {
			byte[] big = random(16 * 1024 * 1024);
			Thread writer = new Thread(() -> {
				try {
					c.sendBinary(big);
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
			writer.start();
			Frame f = c.readMessage();
			writer.join();
			assertThat(f.payload().length).isEqualTo(big.length);
			assertThat(Arrays.equals(f.payload(), big)).isTrue();
		}
	}

	@Test
	void framesDeliveredOneByteAtATimeWork() throws IOException {
		try (WsTestClient c = connect()) {
			c.sendSlowly(WsTestClient.frame(true, 0, 1, "Hello, slow world".getBytes(StandardCharsets.UTF_8), true));
			assertThat(c.readMessage().text()).isEqualTo("Hello, slow world");
		}
	}

	@Test
	void bytesSentWithTheHandshakeAreNotLost() throws IOException {
		try (io.lws.core.support.RawClient raw = server.client()) {
			byte[] frame = WsTestClient.frame(true, 0, 1, "early".getBytes(StandardCharsets.UTF_8), true);
			String req = "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
			byte[] all = new byte[req.length() + frame.length];
			System.arraycopy(req.getBytes(StandardCharsets.ISO_8859_1), 0, all, 0, req.length());
			System.arraycopy(frame, 0, all, req.length(), frame.length);
			raw.send(all);
			var head = raw.readHeadResponse();
			assertThat(head.status()).isEqualTo(101);
			assertThat(head.header("sec-websocket-accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
			assertThat(head.header("sec-websocket-protocol")).isNull();
			int b0 = raw.read();
			int len = raw.read();
			assertThat(b0).isEqualTo(0x81);
			assertThat(new String(raw.readExactly(len), StandardCharsets.UTF_8)).isEqualTo("early");
		}
	}

	// ---- 2. ping / pong ----

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 125 })
	void pingsAreAnsweredWithTheSamePayload(int size) throws IOException {
		try (WsTestClient c = connect()) {
			byte[] p = random(size);
			Frame pong = c.sendFrame(true, 9, p).readFrame();
			assertThat(pong.opcode()).isEqualTo(10);
			assertThat(pong.payload()).isEqualTo(p);
		}
	}

	@Test
	void tenPingsGetTenPongsAndUnsolicitedPongsAreIgnored() throws IOException {
		try (WsTestClient c = connect()) {
			c.sendFrame(true, 10, "unsolicited".getBytes(StandardCharsets.UTF_8));
			for (int i = 0; i < 10; i++) {
				c.sendFrame(true, 9, ("p" + i).getBytes(StandardCharsets.UTF_8));
			}
			for (int i = 0; i < 10; i++) {
				assertThat(c.readFrame().text()).isEqualTo("p" + i);
			}
			assertThat(c.sendText("still fine").readMessage().text()).isEqualTo("still fine");
		}
	}

	@Test
	void oversizedOrFragmentedControlFramesFailWith1002() throws IOException {
		try (WsTestClient c = connect()) {
			assertThat(c.sendFrame(true, 9, random(126)).readCloseCode()).isEqualTo(1002);
			assertThat(c.raw().closedByServer()).isTrue();
		}
		try (WsTestClient c = connect()) {
			assertThat(c.sendFrame(false, 9, random(5)).readCloseCode()).isEqualTo(1002);
		}
	}

	// ---- 3. reserved bits ----

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7 })
	void reservedBitsFailWith1002(int rsv) throws IOException {
		try (WsTestClient c = connect()) {
			c.sendRaw(WsTestClient.frame(true, rsv, 1, "x".getBytes(StandardCharsets.UTF_8), true));
			assertThat(c.readCloseCode()).isEqualTo(1002);
		}
	}

	// ---- 4. opcodes ----

	@ParameterizedTest
	@ValueSource(ints = { 3, 4, 5, 6, 7, 11, 12, 13, 14, 15 })
	void reservedOpcodesFailWith1002(int opcode) throws IOException {
		try (WsTestClient c = connect()) {
			c.sendFrame(true, opcode, new byte[0]);
			assertThat(c.readCloseCode()).isEqualTo(1002);
		}
	}

	// ---- 5. fragmentation ----

	@Test
	void fragmentedMessagesWithInterleavedPingsAreEchoedWhole() throws IOException {
		try (WsTestClient c = connect()) {
			c.sendFrame(false, 1, "frag".getBytes(StandardCharsets.UTF_8));
			c.sendFrame(true, 9, "ping".getBytes(StandardCharsets.UTF_8));
			c.sendFrame(false, 0, "men".getBytes(StandardCharsets.UTF_8));
			c.sendFrame(true, 0, "ted".getBytes(StandardCharsets.UTF_8));
			StringBuilder text = new StringBuilder();
			boolean sawPong = false;
			Frame f;
			do {
				f = c.readFrame();
				if (f.opcode() == 10) {
					sawPong = true;
					assertThat(f.text()).isEqualTo("ping");
				}
				else {
					text.append(f.text());
				}
			}
			while (!(f.fin() && f.opcode() != 10));
			assertThat(sawPong).isTrue();
			assertThat(text.toString()).isEqualTo("fragmented");
		}
	}

	@Test
	void continuationWithoutAMessageFailsWith1002() throws IOException {
		try (WsTestClient c = connect()) {
			assertThat(c.sendFrame(true, 0, "x".getBytes(StandardCharsets.UTF_8)).readCloseCode()).isEqualTo(1002);
		}
	}

	@Test
	void aNewMessageInsideAFragmentedOneFailsWith1002() throws IOException {
		try (WsTestClient c = connect()) {
			c.sendFrame(false, 1, "a".getBytes(StandardCharsets.UTF_8));
			c.sendFrame(true, 1, "b".getBytes(StandardCharsets.UTF_8));
			assertThat(c.readCloseCode()).isEqualTo(1002);
		}
	}

	// ---- 6. UTF-8 ----

	@Test
	void validUtf8IsEchoedEvenSplitAcrossFragmentsAtEveryPosition() throws IOException {
		byte[] text = "κόσμε 𝄞 €uro ✓".getBytes(StandardCharsets.UTF_8);
		try (WsTestClient c = connect()) {
			for (int split = 0; split <= text.length; split++) {
				c.sendFrame(false, 1, Arrays.copyOfRange(text, 0, split));
				c.sendFrame(true, 0, Arrays.copyOfRange(text, split, text.length));
				assertThat(c.readMessage().payload()).as("split at " + split).isEqualTo(text);
			}
		}
	}

	@Test
	void invalidUtf8FailsWith1007() throws IOException {
		List<byte[]> bad = List.of(new byte[] { (byte) 0xC0, (byte) 0x80 },
				new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, new byte[] { (byte) 0x80 },
				new byte[] { (byte) 0xFE }, new byte[] { 'a', (byte) 0xE2, (byte) 0x82 });
		for (byte[] b : bad) {
			for (int split = 0; split <= b.length; split++) {
				try (WsTestClient c = connect()) {
					c.sendFrame(false, 1, Arrays.copyOfRange(b, 0, split));
					c.sendFrame(true, 0, Arrays.copyOfRange(b, split, b.length));
					assertThat(c.readCloseCode()).as(Arrays.toString(b) + " split " + split).isEqualTo(1007);
				}
			}
		}
	}

	// ---- 7. close handling ----

	@ParameterizedTest
	@ValueSource(ints = { 1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999 })
	void validCloseCodesAreEchoed(int code) throws IOException {
		try (WsTestClient c = connect()) {
			c.sendClose(code, "bye");
			Frame f = c.readFrame();
			assertThat(f.opcode()).isEqualTo(8);
			assertThat(f.closeCode()).isEqualTo(code);
			assertThat(f.closeReason()).isEqualTo("bye");
			assertThat(c.raw().closedByServer()).isTrue();
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535 })
	void invalidCloseCodesFailWith1002(int code) throws IOException {
		try (WsTestClient c = connect()) {
			assertThat(c.sendClose(code, "").readCloseCode()).isEqualTo(1002);
		}
	}

	@Test
	void anEmptyCloseIsEchoedEmptyAndAOneByteCloseFails() throws IOException {
		try (WsTestClient c = connect()) {
			Frame f = c.sendFrame(true, 8, new byte[0]).readFrame();
			assertThat(f.opcode()).isEqualTo(8);
			assertThat(f.payload()).isEmpty();
		}
		try (WsTestClient c = connect()) {
			assertThat(c.sendFrame(true, 8, new byte[] { 3 }).readCloseCode()).isEqualTo(1002);
		}
	}

	@Test
	void aCloseReasonMustBeUtf8() throws IOException {
		try (WsTestClient c = connect()) {
			c.sendFrame(true, 8, new byte[] { 0x03, (byte) 0xE8, (byte) 0xFF });
			assertThat(c.readCloseCode()).isEqualTo(1007);
		}
	}

	@Test
	void nothingIsEchoedAfterTheClose() throws IOException {
		try (WsTestClient c = connect()) {
			c.sendClose(1000, "");
			c.sendText("after close");
			assertThat(c.readFrame().opcode()).isEqualTo(8);
			assertThat(c.raw().closedByServer()).isTrue();
		}
	}

	// ---- 9. limits and hostile peers ----

	@Test
	void unmaskedFramesFailWith1002() throws IOException {
		try (WsTestClient c = connect()) {
			c.sendRaw(WsTestClient.frame(true, 0, 1, "x".getBytes(StandardCharsets.UTF_8), false));
			assertThat(c.readCloseCode()).isEqualTo(1002);
		}
	}

	@Test
	void aLengthWithTheTopBitSetFailsWith1002() throws IOException {
		try (WsTestClient c = connect()) {
			c.sendRaw(new byte[] { (byte) 0x82, (byte) 0xFF, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4 });
			assertThat(c.readCloseCode()).isEqualTo(1002);
		}
	}

	@Test
	void messagesOverTheMaximumFailWith1009() throws IOException {
		try (TestServer small = TestServer.start((v) -> v.protocols(EchoProtocol.create(128)).maxMessageSize(1000));
				WsTestClient c = WsTestClient.connect(small.port(), "/", null)) {
			assertThat(c.sendBinary(random(500)).readMessage().payload()).hasSize(500);
			c.sendFrame(false, 2, random(600));
			c.sendFrame(true, 0, random(600));
			assertThat(c.readCloseCode()).isEqualTo(1009);
		}
	}

	@Test
	void theHandshakeIsValidatedStrictly() throws IOException {
		String base = "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n";
		String key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
		try (var raw = server.client()) {
			var r = raw.send(base + key + "Sec-WebSocket-Version: 8\r\n\r\n").readResponse();
			assertThat(r.status()).isEqualTo(426);
			assertThat(r.header("sec-websocket-version")).isEqualTo("13");
			assertThat(r.header("upgrade")).isEqualTo("websocket");
		}
		try (var raw = server.client()) {
			assertThat(raw.send(base + "Sec-WebSocket-Key: short\r\nSec-WebSocket-Version: 13\r\n\r\n").readResponse()
				.status()).isEqualTo(400);
		}
		try (var raw = server.client()) {
			assertThat(raw.send(base + key + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: nope\r\n\r\n")
				.readResponse()
				.status()).isEqualTo(400);
		}
		try (var raw = server.client()) {
			assertThat(raw.send("POST / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + key
					+ "Sec-WebSocket-Version: 13\r\nContent-Length: 0\r\n\r\n").readResponse().status()).isEqualTo(400);
		}
		try (WsTestClient c = WsTestClient.connect(server.client(), "/", "other, echo")) {
			assertThat(c.handshake().header("sec-websocket-protocol")).isEqualTo("echo");
		}
		// a header that names no subprotocol offers none: the answer must not name one (RFC 6455 section 4.2.2)
		for (String blank : new String[] { "", "  ", " , " }) {
			try (var raw = server.client()) {
				var r = raw.send(base + key + "Sec-WebSocket-Version: 13\r\n"
						+ "Sec-WebSocket-Protocol:" + blank + "\r\n\r\n")
					.readHeadResponse();
				assertThat(r.status()).isEqualTo(101);
				assertThat(r.header("sec-websocket-protocol")).as("'%s'", blank).isNull();
			}
		}
		try (var raw = server.client()) {
			assertThat(raw.send(base + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ\r\nSec-WebSocket-Version: 13\r\n\r\n")
				.readResponse()
				.status()).as("a key without its padding").isEqualTo(400);
		}
	}

	@Test
	void aPeerThatStopsAnsweringIsDroppedByThePingTimeout() throws Exception {
		try (TestServer s = TestServer.start((v) -> v.protocols(EchoProtocol.create(128))
			.pingPongInterval(1)
			.timeoutSecs(1));
				WsTestClient c = WsTestClient.connect(s.port(), "/", null)) {
			// stop mid-frame and never answer the server's ping
			c.sendRaw(new byte[] { (byte) 0x81, (byte) 0x85, 1, 2, 3, 4, 'a' });
			Frame ping = c.readFrame();
			assertThat(ping.opcode()).isEqualTo(9);
			long end = System.currentTimeMillis() + 6000;
			while (s.context().connectionCount() > 0 && System.currentTimeMillis() < end) {
				Thread.sleep(50);
			}
			assertThat(s.context().connectionCount()).isZero();
		}
	}

	@Test
	void aPeerThatFloodsWithoutReadingIsDropped() throws Exception {
		try (TestServer s = TestServer.start((c) -> c.txStallTimeoutSecs(1).txBufferLimit(1 << 20),
				(v) -> v.protocols(EchoProtocol.create(4096)));
				WsTestClient c = WsTestClient.connect(s.port(), "/", null)) {
			c.raw().socket().setReceiveBufferSize(4096);
			byte[] frame = WsTestClient.frame(true, 0, 2, random(60_000), true);
			long end = System.currentTimeMillis() + 15_000;
			try {
				while (System.currentTimeMillis() < end && s.context().connectionCount() > 0) {
					c.sendRaw(frame);
				}
			}
			catch (IOException ex) {
				// the server dropped us while we were still sending: that is the point
			}
			while (s.context().connectionCount() > 0 && System.currentTimeMillis() < end) {
				Thread.sleep(50);
			}
			assertThat(s.context().connectionCount()).isZero();
		}
	}

	@Test
	void manyConnectionsEchoConcurrently() throws Exception {
		WsTestClient[] clients = new WsTestClient[50];
		for (int i = 0; i < clients.length; i++) {
			clients[i] = connect();
		}
		try {
			for (int i = 0; i < clients.length; i++) {
				clients[i].sendText("m" + i);
			}
			for (int i = 0; i < clients.length; i++) {
				assertThat(clients[i].readMessage().text()).isEqualTo("m" + i);
			}
		}
		finally {
			for (WsTestClient c : clients) {
				c.close();
			}
		}
	}

}

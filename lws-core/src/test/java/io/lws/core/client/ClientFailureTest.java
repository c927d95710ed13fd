package io.lws.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.ClientConnectInfo;
import io.lws.core.support.ClientRecorder;
import io.lws.core.support.RawServer;

/**
 * Every way a client connection can fail before (or right after) it is established: each ends with exactly one
 * {@code CLIENT_CONNECTION_ERROR} naming why, nothing after it, and no connection left behind.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClientFailureTest {

	private static final String GOOD_101 = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
			+ "Connection: Upgrade\r\nSec-WebSocket-Accept: {ACCEPT}\r\n";

	/** A raw WebSocket "server" answering the handshake with {@code answer} ({@code {ACCEPT}} filled in). */
	private static RawServer answering(UnaryOperator<String> answer) throws Exception {
		return new RawServer((Socket s) -> {
			String head = RawServer.readHeadOf(s.getInputStream());
			RawServer.send(s, answer.apply(head).replace("{ACCEPT}", accept(head)));
			RawServer.drain(s);
		});
	}

	private static RawServer answering(String answer) throws Exception {
		return answering((head) -> answer);
	}

	static String accept(String head) throws Exception {
		String key = head.lines()
			.filter((l) -> l.toLowerCase().startsWith("sec-websocket-key:"))
			.map((l) -> l.substring(l.indexOf(':') + 1).trim())
			.findFirst()
			.orElse("");
		byte[] sha1 = MessageDigest.getInstance("SHA-1")
			.digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
		return Base64.getEncoder().encodeToString(sha1);
	}

	/** Connects a WebSocket client (protocol {@code chat}) and asserts the one error it gets, then silence. */
	private static String failureOf(RawServer server, ClientRecorder rec, ClientConnectInfo.Builder info)
			throws Exception {
		rec.connect(info.address("127.0.0.1").port(server.port()).build());
		String e = rec.next();
		assertThat(e).startsWith("error:");
		rec.assertQuiet(300);
		rec.awaitConnections(0);
		return e.substring("error:".length());
	}

	private static String failureOf(RawServer server, ClientRecorder rec) throws Exception {
		return failureOf(server, rec, ClientConnectInfo.builder().protocol("chat"));
	}

	@Test
	void serverThatNeverAnswersTimesOut() throws Exception {
		try (RawServer server = new RawServer(RawServer::drain);
				ClientRecorder rec = new ClientRecorder().start("chat", (v) -> v.timeoutSecs(1))) {
			assertThat(failureOf(server, rec)).isEqualTo("timeout waiting for the server's response");
		}
	}

	@Test
	void httpRequestToAServerThatNeverAnswersTimesOutToo() throws Exception {
		try (RawServer server = new RawServer(RawServer::drain);
				ClientRecorder rec = new ClientRecorder().start("chat", (v) -> v.timeoutSecs(1))) {
			assertThat(failureOf(server, rec, ClientConnectInfo.builder().method("GET")))
				.isEqualTo("timeout waiting for the server's response");
		}
	}

	@Test
	void serverClosingMidHandshake() throws Exception {
		try (RawServer server = new RawServer((s) -> {
			RawServer.readHeadOf(s.getInputStream());
			RawServer.send(s, "HTTP/1.1 101 Switching Protocols\r\nUpgr");
		}); ClientRecorder rec = new ClientRecorder().start("chat")) {
			assertThat(failureOf(server, rec)).isEqualTo("the server closed the connection before answering");
		}
	}

	@Test
	void serverClosingWithoutReadingIsAFailureNotAHang() throws Exception {
		try (RawServer server = new RawServer((s) -> {
		}); ClientRecorder rec = new ClientRecorder().start("chat")) {
			// a reset or a plain close, depending on when the request reaches the closed socket
			assertThat(failureOf(server, rec)).matches("the server closed the connection before answering|socket: .*");
		}
	}

	@Test
	void garbageStatusLine() throws Exception {
		try (RawServer server = answering("SSH-2.0-OpenSSH_9.2\r\n\r\n");
				ClientRecorder rec = new ClientRecorder().start("chat")) {
			assertThat(failureOf(server, rec)).isEqualTo("HS: The response status line is malformed.");
		}
	}

	@Test
	void aBrokenResponseHeadIsNotCalledARequest() throws Exception {
		// the client reads response heads with the server's parser, whose reasons once named the request for faults
		// that a response can have as well
		String[][] cases = { { "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\rX\r\n\r\n",
				"HS: A CR in the head is not followed by LF." },
				{ "HTTP/1.1 101 Switching Protocols\r\nContent-Length: 0\r\nTransfer-Encoding: chunked\r\n\r\n",
						"HS: The message has both Content-Length and Transfer-Encoding." } };
		for (String[] c : cases) {
			try (RawServer server = answering(c[0]); ClientRecorder rec = new ClientRecorder().start("chat")) {
				assertThat(failureOf(server, rec)).isEqualTo(c[1]);
			}
		}
	}

	@Test
	void responseHeadLargerThanTheHeaderBuffer() throws Exception {
		try (RawServer server = answering(GOOD_101 + "X-Padding: " + "p".repeat(5000) + "\r\n\r\n");
				ClientRecorder rec = new ClientRecorder().start("chat")) {
			assertThat(failureOf(server, rec))
				.isEqualTo("HS: the response head is larger than max_http_header_data (4096 bytes)");
		}
	}

	@Test
	void wrongAcceptHash() throws Exception {
		try (RawServer server = answering(GOOD_101.replace("{ACCEPT}", "bm90IHRoZSBoYXNoIGF0IGFsbCE=") + "\r\n");
				ClientRecorder rec = new ClientRecorder().start("chat")) {
			assertThat(failureOf(server, rec)).isEqualTo("HS: ACCEPT hash wrong");
		}
	}

	@Test
	void missingUpgradeOrConnectionIn101() throws Exception {
		try (RawServer server = answering(GOOD_101.replace("Upgrade: websocket\r\n", "") + "\r\n");
				ClientRecorder rec = new ClientRecorder().start("chat")) {
			assertThat(failureOf(server, rec)).startsWith("HS: UPGRADE malformed");
		}
		try (RawServer server = answering(GOOD_101.replace("Connection: Upgrade\r\n", "") + "\r\n");
				ClientRecorder rec = new ClientRecorder().start("chat")) {
			assertThat(failureOf(server, rec)).startsWith("HS: CONNECTION malformed");
		}
	}

	@Test
	void subprotocolNotAskedFor() throws Exception {
		try (RawServer server = answering(GOOD_101 + "Sec-WebSocket-Protocol: other\r\n\r\n");
				ClientRecorder rec = new ClientRecorder().start("chat")) {
			assertThat(failureOf(server, rec))
				.isEqualTo("HS: the server chose protocol 'other', which was not asked for");
		}
	}

	@Test
	void extensionNotOffered() throws Exception {
		try (RawServer server = answering(GOOD_101 + "Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n");
				ClientRecorder rec = new ClientRecorder().start("chat")) {
			assertThat(failureOf(server, rec))
				.isEqualTo("HS: EXT: the server accepted an extension that was not offered: permessage-deflate");
		}
	}

	@Test
	void filterPreEstablishRefusing() throws Exception {
		try (RawServer server = answering(GOOD_101 + "\r\n"); ClientRecorder rec = new ClientRecorder().start("chat")) {
			rec.onFilterPreEstablish = (wsi) -> 1;
			assertThat(failureOf(server, rec)).isEqualTo("HS: refused by CLIENT_FILTER_PRE_ESTABLISH");
		}
	}

	@Test
	void nonSuccessStatusForAnUpgrade() throws Exception {
		try (RawServer server = answering("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
				ClientRecorder rec = new ClientRecorder().start("chat")) {
			assertThat(failureOf(server, rec)).isEqualTo("HS: ws upgrade response not 101 (got 403)");
		}
	}

	@Test
	void maskedFrameFromTheServerFailsTheConnectionWith1002() throws Exception {
		List<Integer> closeFromClient = new CopyOnWriteArrayList<>();
		try (RawServer server = new RawServer((s) -> {
			String head = RawServer.readHeadOf(s.getInputStream());
			RawServer.send(s, GOOD_101.replace("{ACCEPT}", accept(head)) + "\r\n");
			// a masked text frame "hi": servers must not mask (RFC 6455 section 5.1)
			byte[] mask = { 1, 2, 3, 4 };
			s.getOutputStream().write(new byte[] { (byte) 0x81, (byte) 0x82, 1, 2, 3, 4, (byte) ('h' ^ mask[0]),
					(byte) ('i' ^ mask[1]) });
			s.getOutputStream().flush();
			DataInputStream in = new DataInputStream(s.getInputStream());
			int b0 = in.readUnsignedByte();
			int b1 = in.readUnsignedByte();
			byte[] key = new byte[4];
			if ((b1 & 0x80) != 0) {
				in.readFully(key);
			}
			byte[] payload = new byte[b1 & 0x7F];
			in.readFully(payload);
			for (int i = 0; i < payload.length; i++) {
				payload[i] ^= key[i % 4];
			}
			closeFromClient.add(b0);
			closeFromClient.add(b1 & 0x80);
			closeFromClient.add(((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF));
		}); ClientRecorder rec = new ClientRecorder().start("chat")) {
			rec.connect(ClientConnectInfo.builder().address("127.0.0.1").port(server.port()).protocol("chat").build());
			assertThat(rec.next()).isEqualTo("established:chat");
			assertThat(rec.next()).isEqualTo("closed");
			rec.assertQuiet(200);
			rec.awaitConnections(0);
			long end = System.currentTimeMillis() + 5000;
			while (closeFromClient.size() < 3 && System.currentTimeMillis() < end) {
				Thread.sleep(10);
			}
			// a masked close frame (the client masks everything) with 1002, protocol error
			assertThat(closeFromClient).containsExactly(0x88, 0x80, 1002);
		}
	}

	@Test
	void destroyingTheContextWhileConnectingIsReported() throws Exception {
		try (RawServer server = new RawServer(RawServer::drain);
				ClientRecorder rec = new ClientRecorder().start("chat")) {
			rec.connect(ClientConnectInfo.builder().address("127.0.0.1").port(server.port()).protocol("chat").build());
			long end = System.currentTimeMillis() + 5000;
			while (server.connections() == 0 && System.currentTimeMillis() < end) {
				Thread.sleep(10);
			}
			rec.context().destroy();
			assertThat(rec.next()).isEqualTo("error:the context was destroyed before the connection was established");
			rec.assertQuiet(200);
		}
	}

	@Test
	void aRequestHeadLargerThanTheHeaderBufferIsNotSent() throws Exception {
		List<String> received = new CopyOnWriteArrayList<>();
		try (RawServer server = new RawServer((s) -> {
			received.add(new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
		}); ClientRecorder rec = new ClientRecorder().start("chat")) {
			assertThat(failureOf(server, rec,
					ClientConnectInfo.builder().protocol("chat").path("/" + "p".repeat(5000))))
				.isEqualTo("the request head is larger than max_http_header_data (4096 bytes)");
			long end = System.currentTimeMillis() + 5000;
			while (received.isEmpty() && System.currentTimeMillis() < end) {
				Thread.sleep(10);
			}
			assertThat(received).containsExactly("");
		}
	}

}

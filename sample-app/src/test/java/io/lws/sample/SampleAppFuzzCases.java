package io.lws.sample;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;

import io.lws.core.LwsContext;
import io.lws.core.LwsVhost;
import io.lws.core.support.RawClient;
import io.lws.core.support.WsTestClient;
import io.lws.sample.protocols.DumbIncrementProtocol;
import io.lws.sample.protocols.EchoProtocol;
import io.lws.sample.protocols.MirrorProtocol;
import io.lws.sample.protocols.PostDemoProtocol;
import io.lws.sample.protocols.StatusProtocol;
import io.lws.spring.boot.autoconfigure.LocalLwsPort;
import io.lws.spring.boot.autoconfigure.server.LwsServer;

import static io.lws.core.support.Mutations.concat;
import static io.lws.core.support.Mutations.mutate;
import static io.lws.core.support.Mutations.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutated HTTP requests and malformed WebSocket frames, from a seeded generator, against the whole sample app over
 * loopback: whatever each case gets back, once the clients have hung up no connection, no header buffer and no
 * uploaded file may be left, and the app must still serve. A form post found this way once stranded its connection
 * and header buffer for good. {@code -Dlws.fuzz.seed=N -Dlws.fuzz.cases=N} run other or more cases; a failure names
 * the seed. {@link SampleAppFuzzTest} runs them over plain TCP, {@link SampleAppTlsFuzzTest} over TLS.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
abstract class SampleAppFuzzCases {

	private static final List<String> REQUESTS = List.of(
			"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
			"HEAD /test.js HTTP/1.0\r\n\r\n",
			"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\nRange: bytes=0-5\r\n\r\n",
			"POST /formtest HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
					+ "Content-Length: 21\r\n\r\ntext=hello+world%21&x",
			"POST /formtest HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
					+ "Content-Type: application/x-www-form-urlencoded\r\n\r\n5\r\ntext=\r\n3\r\nabc\r\n0\r\n\r\n",
			"POST /formtest HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XX\r\n"
					+ "Content-Length: 80\r\n\r\n--XX\r\n"
					+ "Content-Disposition: form-data; name=\"text\"\r\n\r\nhi\r\n--XX--\r\n",
			"POST /formtest HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XX\r\n"
					+ "Content-Length: 143\r\n\r\n--XX\r\n"
					+ "Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
					+ "\r\nhello\r\n--XX\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhi\r\n--XX--\r\n",
			"POST /formtest HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\ntext");

	private static final List<String> SUBPROTOCOLS = Arrays.asList(null, EchoProtocol.NAME, DumbIncrementProtocol.NAME,
			MirrorProtocol.NAME, StatusProtocol.NAME, "no-such-protocol");

	@LocalLwsPort
	int port;

	@Autowired
	LwsServer server;

	@Autowired
	PostDemoProtocol postDemo;

	@Test
	void mutatedRequestsAndFramesLeaveNoConnectionBufferOrUploadBehind() throws Exception {
		long seed = Long.getLong("lws.fuzz.seed", 20261202L);
		int cases = Integer.getInteger("lws.fuzz.cases", 800);
		Random rnd = new Random(seed);
		for (int i = 0; i < cases; i++) {
			if (rnd.nextBoolean()) {
				httpCase(rnd);
			}
			else {
				webSocketCase(rnd);
			}
		}
		LwsContext context = this.server.context();
		LwsVhost vhost = context.vhost("default");
		String what = "after " + cases + " cases of seed " + seed;
		awaitZero(vhost::connectionCount);
		assertThat(vhost.connectionCount()).as("connections left " + what).isZero();
		awaitZero(() -> context.headerPoolStats().inUse());
		assertThat(context.headerPoolStats().inUse()).as("header buffers held " + what).isZero();
		try (var uploads = Files.list(this.postDemo.uploadDirectory())) {
			assertThat(uploads.map(Path::getFileName)).as("uploads left " + what).isEmpty();
		}
		try (RawClient c = patientClient()) {
			assertThat(c.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n").readResponse().status()).isEqualTo(200);
		}
		try (WsTestClient c = WsTestClient.connect(patientClient(), "/", EchoProtocol.NAME)) {
			assertThat(c.sendText("still here").readMessage().text()).isEqualTo("still here");
		}
	}

	/** A request from the list, mutated, sent whole or in pieces, maybe half-closed, then the client hangs up. */
	private void httpCase(Random rnd) throws IOException {
		byte[] request = (rnd.nextInt(10) == 0) ? randomBytes(rnd, 1 + rnd.nextInt(3000))
				: mutate(REQUESTS.get(rnd.nextInt(REQUESTS.size())).getBytes(StandardCharsets.ISO_8859_1), rnd);
		try (Socket s = open()) {
			try {
				if (rnd.nextInt(3) == 0) {
					for (int at = 0; at < request.length; at += 50) {
						s.getOutputStream().write(request, at, Math.min(50, request.length - at));
						s.getOutputStream().flush();
					}
				}
				else {
					s.getOutputStream().write(request);
				}
				if (rnd.nextInt(5) == 0) {
					s.shutdownOutput();
				}
				drain(s);
			}
			catch (IOException ex) {
				// the server may refuse and close at any point: that is an answer too
			}
			hangUp(rnd, s);
		}
	}

	/** A handshake for one of the sample's subprotocols, then up to eight frames, most of them wrong. */
	private void webSocketCase(Random rnd) throws IOException {
		String protocol = SUBPROTOCOLS.get(rnd.nextInt(SUBPROTOCOLS.size()));
		try (Socket s = open()) {
			try {
				String head = "GET " + ((protocol == null) ? "/echo" : "/") + " HTTP/1.1\r\nHost: x\r\n"
						+ "Upgrade: websocket\r\nConnection: Upgrade\r\n"
						+ "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
						+ Base64.getEncoder().encodeToString(randomBytes(rnd, 16)) + "\r\n"
						+ ((protocol != null) ? "Sec-WebSocket-Protocol: " + protocol + "\r\n" : "")
						+ ((rnd.nextInt(3) == 0) ? "Sec-WebSocket-Extensions: permessage-deflate\r\n" : "") + "\r\n";
				s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
				int frames = 1 + rnd.nextInt(8);
				for (int i = 0; i < frames; i++) {
					s.getOutputStream().write(frame(rnd));
				}
				drain(s);
			}
			catch (IOException ex) {
				// refused handshakes and frames close the connection
			}
			hangUp(rnd, s);
		}
	}

	private static byte[] frame(Random rnd) {
		return switch (rnd.nextInt(11)) {
			// text that is most likely not UTF-8
			case 0 -> WsTestClient.frame(true, 0, 1, randomBytes(rnd, rnd.nextInt(200)), true);
			// reserved opcodes
			case 1 -> WsTestClient.frame(true, 0, 3 + rnd.nextInt(5), new byte[] { 'a' }, true);
			// close frames with codes a peer may not send, and with a reason cut short
			case 2 -> WsTestClient.frame(true, 0, 8, closePayload(rnd), true);
			// pings, over the control frame limit one time in two
			case 3 -> WsTestClient.frame(true, 0, 9, randomBytes(rnd, (rnd.nextBoolean() ? 100 : 126)), true);
			// a control frame inside a fragmented message, fragmented itself one time in two
			case 4 -> concat(WsTestClient.frame(false, 0, 1, "hel".getBytes(StandardCharsets.UTF_8), true),
					WsTestClient.frame(rnd.nextBoolean(), 0, 9, new byte[] { 'p' }, true),
					WsTestClient.frame(true, 0, 0, "lo".getBytes(StandardCharsets.UTF_8), true));
			// a continuation with no message to continue
			case 5 -> WsTestClient.frame(true, 0, 0, new byte[] { 'c' }, true);
			// a header announcing far more than follows, cut anywhere
			case 6 -> Arrays.copyOf(new byte[] { (byte) 0x82, (byte) 0xFF, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
					(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 2, 3, 4 }, 2 + rnd.nextInt(12));
			// unmasked, as only a server may send
			case 7 -> WsTestClient.frame(true, 0, 1, new byte[] { 'u' }, false);
			// reserved bits, RSV1 being a compressed message where permessage-deflate was agreed
			case 8 -> WsTestClient.frame(true, 1 + rnd.nextInt(7), 2, randomBytes(rnd, 1 + rnd.nextInt(100)), true);
			case 9 -> randomBytes(rnd, 1 + rnd.nextInt(500));
			// a large binary message, echoed or refused by size
			default -> WsTestClient.frame(true, 0, 2, randomBytes(rnd, (rnd.nextBoolean() ? 5_000 : 70_000)), true);
		};
	}

	private static byte[] closePayload(Random rnd) {
		int[] codes = { 0, 999, 1004, 1005, 1006, 1016, 2999, 5000, 65535 };
		int code = codes[rnd.nextInt(codes.length)];
		return concat(new byte[] { (byte) (code >> 8), (byte) code }, randomBytes(rnd, rnd.nextInt(10)));
	}

	private RawClient patientClient() throws IOException {
		Socket s = open();
		s.setSoTimeout(5000);
		return new RawClient(s);
	}

	/**
	 * A connection to the app, ready for the case's bytes, with a 20-ms read timeout.
	 * @return the socket
	 * @throws IOException if it cannot connect
	 */
	abstract Socket open() throws IOException;

	/** Reads what the server sends until it closes or pauses for 20 ms (at most 1 MB). */
	private static void drain(Socket s) throws IOException {
		InputStream in = s.getInputStream();
		byte[] buf = new byte[65536];
		int total = 0;
		try {
			int n;
			while (total < (1 << 20) && (n = in.read(buf)) >= 0) {
				total += n;
			}
		}
		catch (SocketTimeoutException ex) {
			// quiet: the server waits for more, or for the client to go
		}
	}

	/** A quarter of the clients reset the connection instead of closing it. */
	private static void hangUp(Random rnd, Socket s) throws IOException {
		if (rnd.nextInt(4) == 0) {
			s.setSoLinger(true, 0);
		}
	}

	private static void awaitZero(IntSupplier count) throws InterruptedException {
		long end = System.currentTimeMillis() + 10_000;
		while (count.getAsInt() != 0 && System.currentTimeMillis() < end) {
			Thread.sleep(20);
		}
	}

}

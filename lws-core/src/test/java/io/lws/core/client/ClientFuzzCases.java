package io.lws.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.lws.core.ClientConnectInfo;
import io.lws.core.ext.pmd.PerMessageDeflate;
import io.lws.core.support.ClientRecorder;
import io.lws.core.support.EngineErrorLog;
import io.lws.core.support.Mutations;
import io.lws.core.support.RawServer;
import io.lws.core.support.WsTestClient;

/**
 * Seeded hostile servers against the client role. Each case answers one WebSocket (permessage-deflate offered) or
 * HTTP client connection with a response built from a well-formed one and then broken: cut short, bytes flipped or
 * inserted, line ends changed, lengths and chunk sizes made huge, frames no server may send (masked, reserved bits
 * or opcodes, oversized control frames, bad UTF-8, bad close codes, garbage where deflated data belongs), written in
 * pieces, and then the server half-closes and waits for the client to hang up.
 * <p>
 * Whatever it gets, a connection must end the way {@code lws_client_connect_via_info} promises: exactly one ending the
 * application sees ({@code CLIENT_CONNECTION_ERROR}, or {@code CLIENT_CLOSED} / {@code CLOSED_CLIENT_HTTP} once it
 * was established), in an order the callbacks allow, nothing after it, the client's own socket closed, and no error
 * logged by the engine (which is how an exception that escaped into the service loop shows). After all cases the
 * context has no connection left. {@code -Dlws.fuzz.seed=N -Dlws.fuzz.cases=M} runs other or more cases.
 * {@link ClientFuzzTest} runs them over plain TCP, {@link ClientTlsFuzzTest} over TLS.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class ClientFuzzCases {

	private static final long SEED = Long.getLong("lws.fuzz.seed", 1);

	private static final int CASES = Integer.getInteger("lws.fuzz.cases", 400);

	@RegisterExtension
	final EngineErrorLog engineErrors = new EngineErrorLog();

	/** The server's side of an accepted connection: the socket itself, or TLS over it. */
	protected abstract Socket serverSide(Socket accepted) throws IOException;

	/**
	 * Ends the server's side once the answer is written, leaving it open for reading so that the client is the one
	 * seen to hang up.
	 */
	protected abstract void endAnswer(Socket accepted, Socket serverSide, Random r) throws IOException;

	/** {@code ssl_connection} for the client's connections. */
	protected abstract int sslConnection();

	/** One case: which client connects, what the server answers, and how the answer is cut into writes. */
	private record Case(boolean webSocket, byte[] answer, long piecesSeed) {

		static Case next(Random r) {
			boolean ws = r.nextBoolean();
			return new Case(ws, ws ? HostileAnswers.webSocket(r) : HostileAnswers.http(r), r.nextLong());
		}

	}

	@Test
	void everyHostileAnswerEndsTheConnectionOnceAndCleanly() throws Exception {
		// one stream for all cases: java.util.Random seeded with neighbouring values starts with the same draws
		Random random = new Random(SEED);
		List<Case> cases = new CopyOnWriteArrayList<>();
		List<String> lingering = new CopyOnWriteArrayList<>();
		AtomicInteger served = new AtomicInteger();
		AtomicInteger finished = new AtomicInteger();
		try (RawServer server = new RawServer((accepted) -> {
			int n = served.getAndIncrement();
			try {
				Case c = cases.get(n);
				Socket s = serverSide(accepted);
				String head = RawServer.readHeadOf(s.getInputStream());
				byte[] answer = new String(c.answer(), StandardCharsets.ISO_8859_1)
					.replace("{ACCEPT}", ClientFailureTest.accept(head))
					.getBytes(StandardCharsets.ISO_8859_1);
				Random pieces = new Random(c.piecesSeed());
				Mutations.writeInPieces(s.getOutputStream(), answer, pieces);
				endAnswer(accepted, s, pieces);
				if (!closedByPeerWithin(s, 3000)) {
					lingering.add("case " + n);
				}
			}
			catch (IOException ex) {
				// the client hung up before the whole answer was written: what refusing its first piece leads to
			}
			finally {
				finished.incrementAndGet();
			}
		}); ClientRecorder rec = new ClientRecorder().start("chat")) {
			rec.onRedirect = (location) -> 1;
			for (int i = 0; i < CASES; i++) {
				Case c = Case.next(random);
				cases.add(c);
				String label = "case " + i + " of seed " + SEED + ", answered "
						+ new String(c.answer(), 0, Math.min(c.answer().length, 160), StandardCharsets.ISO_8859_1);
				if (c.webSocket()) {
					rec.connect(ClientConnectInfo.builder()
						.address("127.0.0.1")
						.port(server.port())
						.protocol("chat")
						.sslConnection(sslConnection())
						.clientExtensions(List.of(PerMessageDeflate.create()))
						.build());
					assertWebSocketEnding(rec, label);
				}
				else {
					rec.connect(ClientConnectInfo.forUri("http://127.0.0.1:" + server.port() + "/")
						.sslConnection(sslConnection())
						.build());
					assertHttpEnding(rec, label);
				}
				rec.awaitConnections(0);
			}
			rec.assertQuiet(300);
			assertThat(server.connections()).isEqualTo(CASES);
			// each case's server waits for the client to hang up; closing the server before they are done would cut
			// that
			long end = System.currentTimeMillis() + 5000;
			while (finished.get() < CASES && System.currentTimeMillis() < end) {
				Thread.sleep(10);
			}
			assertThat(finished).as("cases whose server saw the client hang up or gave up waiting").hasValue(CASES);
		}
		assertThat(lingering).as("client sockets left open after the server's FIN").isEmpty();
		assertThat(this.engineErrors.lines()).as("errors the engine logged").isEmpty();
	}

	/** An error, or established, its messages, then closed. */
	private static void assertWebSocketEnding(ClientRecorder rec, String label) throws InterruptedException {
		String e = next(rec, label);
		if (e.startsWith("error:")) {
			return;
		}
		assertThat(e).as(label).startsWith("established:chat");
		while (true) {
			e = next(rec, label);
			if (e.equals("closed")) {
				return;
			}
			assertThat(e).as(label).matches("(?s)(receive|binary|pong|peer-close):.*");
		}
	}

	/** An error (after a refused redirect, perhaps), or the status, perhaps the whole body, then closed. */
	private static void assertHttpEnding(ClientRecorder rec, String label) throws InterruptedException {
		String e = next(rec, label);
		if (e.startsWith("redirect:")) {
			e = next(rec, label);
		}
		if (e.startsWith("error:")) {
			return;
		}
		assertThat(e).as(label).startsWith("http:");
		e = next(rec, label);
		if (e.startsWith("completed:")) {
			e = next(rec, label);
		}
		assertThat(e).as(label).isEqualTo("http-closed");
	}

	private static String next(ClientRecorder rec, String label) throws InterruptedException {
		try {
			return rec.next();
		}
		catch (AssertionError ex) {
			throw new AssertionError(label + ": " + ex.getMessage(), ex);
		}
	}

	/** Reads and drops what the client sends until it closes; false if it has not within {@code millis}. */
	private static boolean closedByPeerWithin(Socket s, int millis) throws IOException {
		s.setSoTimeout(millis);
		InputStream in = s.getInputStream();
		byte[] buf = new byte[4096];
		try {
			while (in.read(buf) >= 0) {
				// the client's close frame, if any
			}
			return true;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			// a reset is a close too
			return true;
		}
	}

	/** Well-formed responses of a WebSocket or HTTP server, then broken at random. */
	static final class HostileAnswers {

		private static final String UPGRADE = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
				+ "Connection: Upgrade\r\nSec-WebSocket-Accept: {ACCEPT}\r\n";

		private HostileAnswers() {
		}

		static byte[] webSocket(Random r) {
			ByteArrayOutputStream b = new ByteArrayOutputStream();
			boolean deflate = r.nextBoolean();
			String head = UPGRADE + (r.nextInt(4) == 0 ? "Sec-WebSocket-Protocol: chat\r\n" : "")
					+ (deflate ? "Sec-WebSocket-Extensions: permessage-deflate" + (r.nextBoolean()
							? "; server_no_context_takeover; client_max_window_bits=" + (8 + r.nextInt(8)) : "")
							+ "\r\n"
							: "")
					+ "\r\n";
			b.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
			int frames = r.nextInt(5);
			for (int i = 0; i < frames; i++) {
				b.writeBytes(frame(r, deflate));
			}
			return Mutations.mutate(b.toByteArray(), r);
		}

		static byte[] http(Random r) {
			String body = "hello, " + "x".repeat(r.nextInt(64));
			String answer = switch (r.nextInt(5)) {
				case 0 -> "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
				case 1 -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length())
						+ "\r\n" + body + "\r\n0\r\n\r\n";
				case 2 -> "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + body;
				case 3 -> "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
				default -> "HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n";
			};
			return Mutations.mutate(answer.getBytes(StandardCharsets.ISO_8859_1), r);
		}

		/** One frame a server might send, or one it must not. */
		private static byte[] frame(Random r, boolean deflate) {
			byte[] text = "hello \u00e9t\u00e9".getBytes(StandardCharsets.UTF_8);
			return switch (r.nextInt(12)) {
				case 0 -> WsTestClient.frame(true, 0, 1, text, false);
				case 1 -> WsTestClient.frame(true, 0, 2, Mutations.randomBytes(r, 300), false);
				case 2 -> Mutations.concat(WsTestClient.frame(false, 0, 1, "hel".getBytes(), false),
						WsTestClient.frame(true, 0, 9, "p".getBytes(), false),
						WsTestClient.frame(true, 0, 0, "lo".getBytes(), false));
				case 3 -> WsTestClient.frame(true, 0, 9, "ping".getBytes(), false);
				case 4 -> WsTestClient.frame(true, 0, 8, new byte[] { 0x03, (byte) 0xE8 }, false);
				case 5 -> WsTestClient.frame(true, 0, 1, new byte[] { (byte) 0xC0, (byte) 0x80, 'x' }, false);
				case 6 -> WsTestClient.frame(true, 0, 8, new byte[] { 0x03, (byte) (r.nextBoolean() ? 0xEC : 0xFF) },
						false);
				case 7 -> WsTestClient.frame(true, 0, 9, Mutations.randomBytes(r, 200), false);
				case 8 -> WsTestClient.frame(true, r.nextInt(8), 1 + r.nextInt(15), "hello".getBytes(), false);
				case 9 -> WsTestClient.frame(true, 0, 1, text, true);
				case 10 -> hugeLength(r);
				default -> deflate ? WsTestClient.frame(true, 4, 1, Mutations.randomBytes(r, 9), false)
						: WsTestClient.frame(true, 0, 1, new byte[0], false);
			};
		}

		/** A binary frame announcing up to 2^63 - 1 bytes (or with the top bit set), then a few. */
		private static byte[] hugeLength(Random r) {
			byte[] out = new byte[10 + 8];
			out[0] = (byte) 0x82;
			out[1] = 127;
			long length = r.nextBoolean() ? Long.MAX_VALUE : (1L << 40) | r.nextInt();
			if (r.nextInt(4) == 0) {
				length = -1;
			}
			for (int i = 0; i < 8; i++) {
				out[2 + i] = (byte) (length >>> (56 - 8 * i));
			}
			return out;
		}

	}

}

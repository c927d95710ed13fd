package io.lws.sample.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that goes away in the middle makes client mode fail (exit 1): an HTTP body cut short, and WebSocket
 * connections closed without a close frame right after the upgrade. The server is a raw socket that answers each
 * request head with what the test says and then closes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientModeEarlyCloseTest {

	@Test
	void aResponseBodyCutShortExitsOne() throws Exception {
		try (CuttingServer s = new CuttingServer((head) -> "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this")) {
			ClientModeRun r = ClientModeRun.inJvm("--client", "http://127.0.0.1:" + s.port() + "/");
			assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
			assertThat(r.out()).startsWith("HTTP 200\nonly this");
			assertThat(r.err()).contains("failed: the server closed the connection before the end of the response");
		}
	}

	@Test
	void aWebSocketClosedWithoutACloseFrameExitsOne() throws Exception {
		try (CuttingServer s = new CuttingServer(ClientModeEarlyCloseTest::upgrade)) {
			ClientModeRun r = ClientModeRun.inJvm("--client", "ws://127.0.0.1:" + s.port(), "--once");
			assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
			assertThat(r.out()).contains(": established");
			assertThat(r.err())
				.containsPattern("failed: (dumb-increment|lws-mirror)-protocol: the connection closed early");
		}
	}

	/** A 101 for the upgrade in {@code head}, with the subprotocol it asked for. */
	private static String upgrade(String head) {
		Matcher key = Pattern.compile("(?im)^Sec-WebSocket-Key: *(\\S+)").matcher(head);
		Matcher protocol = Pattern.compile("(?im)^Sec-WebSocket-Protocol: *(\\S+)").matcher(head);
		if (!key.find() || !protocol.find()) {
			return "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
		}
		try {
			byte[] sha1 = MessageDigest.getInstance("SHA-1")
				.digest((key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
			return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(sha1) + "\r\n"
					+ "Sec-WebSocket-Protocol: " + protocol.group(1) + "\r\n\r\n";
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Accepts connections on 127.0.0.1, answers each request head with {@code answer}'s text, then closes it. */
	private static final class CuttingServer implements AutoCloseable {

		private final ServerSocket socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());

		private final Thread acceptor;

		CuttingServer(UnaryOperator<String> answer) throws IOException {
			this.acceptor = new Thread(() -> serve(answer), "cutting-server");
			this.acceptor.setDaemon(true);
			this.acceptor.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void serve(UnaryOperator<String> answer) {
			while (!this.socket.isClosed()) {
				try (Socket c = this.socket.accept()) {
					String head = readHead(c.getInputStream());
					c.getOutputStream().write(answer.apply(head).getBytes(StandardCharsets.ISO_8859_1));
					c.getOutputStream().flush();
				}
				catch (IOException ex) {
					// closed by the test, or the client went away: next
				}
			}
		}

		private static String readHead(InputStream in) throws IOException {
			ByteArrayOutputStream b = new ByteArrayOutputStream();
			int ch;
			while ((ch = in.read()) >= 0) {
				b.write(ch);
				if (b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
					break;
				}
			}
			return b.toString(StandardCharsets.ISO_8859_1);
		}

		@Override
		public void close() throws Exception {
			this.socket.close();
			this.acceptor.join(5000);
		}

	}

}

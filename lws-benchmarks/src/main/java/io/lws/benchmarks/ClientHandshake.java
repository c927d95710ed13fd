package io.lws.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmarks' own client side of the WebSocket opening handshake (RFC 6455 section 4), written here on purpose:
 * a benchmark must not depend on the code it measures to talk to it.
 */
final class ClientHandshake {

	private static final String HANDSHAKE_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	private ClientHandshake() {
	}

	/**
	 * Writes an upgrade request for subprotocol {@code echo}, reads the head of the answer and checks it is a 101
	 * with the right accept key.
	 * @param extensions the {@code Sec-WebSocket-Extensions} offer, or {@code null} for none
	 * @return the server's {@code Sec-WebSocket-Extensions} answer, "" when absent
	 */
	static String upgrade(OutputStream out, InputStream in, int port, String extensions) throws IOException {
		byte[] nonce = new byte[16];
		ThreadLocalRandom.current().nextBytes(nonce);
		String key = Base64.getEncoder().encodeToString(nonce);
		String upgrade = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
				+ "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
				+ "Sec-WebSocket-Protocol: echo\r\n"
				+ ((extensions != null) ? "Sec-WebSocket-Extensions: " + extensions + "\r\n" : "") + "\r\n";
		out.write(upgrade.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		String head = readHead(in);
		if (!head.startsWith("HTTP/1.1 101")) {
			throw new IOException("The server refused the upgrade: " + head);
		}
		String lower = head.toLowerCase(Locale.ROOT);
		if (!lower.contains("sec-websocket-accept: " + acceptKey(key).toLowerCase(Locale.ROOT))) {
			throw new IOException("The answer has no or a wrong Sec-WebSocket-Accept: " + head);
		}
		for (String line : head.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-extensions:")) {
				return line.substring(line.indexOf(':') + 1).trim();
			}
		}
		return "";
	}

	/**
	 * Reads byte by byte up to the empty line ending a response head, so that no byte of what follows is taken;
	 * slow, but it runs once per trial.
	 */
	static String readHead(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("The server closed the connection before the end of a response head: " + head);
			}
			head.append((char) b);
		}
		return head.toString();
	}

	/** The Sec-WebSocket-Accept value the server must answer {@code key} with (RFC 6455 section 4.2.2). */
	private static String acceptKey(String key) throws IOException {
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			return Base64.getEncoder()
				.encodeToString(sha1.digest((key + HANDSHAKE_GUID).getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IOException("This JVM has no SHA-1", ex);
		}
	}

}

package io.lws.core.service;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.zip.Deflater;

import io.lws.core.support.Mutations;
import io.lws.core.support.WsTestClient;

/**
 * What a hostile or broken client sends {@link ServerFuzzCases}' server: well-formed HTTP requests (pipelined, with
 * bodies, to every kind of mount) or a WebSocket handshake and frames a client may or must not send, then broken by
 * {@link Mutations}. Everything comes from the {@link Random} given, so a seed replays a case.
 */
final class HostileRequests {

	private static final String KEY_HEADERS = "Host: x\r\n";

	private HostileRequests() {
	}

	/** One to three pipelined requests to the file, callback and redirect mounts, then broken. */
	static byte[] http(Random r) {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		int requests = 1 + r.nextInt(3);
		for (int i = 0; i < requests; i++) {
			b.writeBytes(request(r).getBytes(StandardCharsets.ISO_8859_1));
		}
		return Mutations.mutate(b.toByteArray(), r);
	}

	private static String request(Random r) {
		String form = "name=" + "v".repeat(r.nextInt(40)) + "&euro=%E2%82%AC+x&bad=%" + (r.nextBoolean() ? "4" : "41");
		String boundary = "b" + r.nextInt(1000);
		String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nvalue\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"up\"; filename=\"a.bin\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n"
				+ new String(Mutations.randomBytes(r, r.nextInt(300)), StandardCharsets.ISO_8859_1) + "\r\n--"
				+ boundary + "--\r\n";
		return switch (r.nextInt(10)) {
			case 0 -> "GET /files/a.txt HTTP/1.1\r\n" + KEY_HEADERS + extraHeader(r) + "\r\n";
			case 1 -> "GET /form/hello?x=1&y=%41 HTTP/1.1\r\n" + KEY_HEADERS + extraHeader(r) + "\r\n";
			case 2 -> "POST /form HTTP/1.1\r\n" + KEY_HEADERS + "Content-Type: application/x-www-form-urlencoded\r\n"
					+ "Content-Length: " + form.length() + "\r\n\r\n" + form;
			case 3 -> "POST /form/up HTTP/1.1\r\n" + KEY_HEADERS + "Content-Type: multipart/form-data; boundary="
					+ boundary + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(multipart, r);
			case 4 -> "POST /form HTTP/1.1\r\n" + KEY_HEADERS + "Expect: 100-continue\r\n"
					+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
					+ "\r\n\r\n" + form;
			case 5 -> "GET /old/x HTTP/1.1\r\n" + KEY_HEADERS + "\r\n";
			case 6 -> "GET /files/a.txt HTTP/1.0\r\n\r\n";
			case 7 -> "GET /files/" + (r.nextBoolean() ? "../../etc/passwd" : "%2e%2e/%2e%2e/etc/passwd")
					+ " HTTP/1.1\r\n" + KEY_HEADERS + "\r\n";
			case 8 -> "POST /form HTTP/1.1\r\n" + KEY_HEADERS + "Content-Type: text/plain\r\nContent-Length: 5\r\n"
					+ "Connection: close\r\n\r\nhello";
			default -> (r.nextBoolean() ? "OPTIONS * HTTP/1.1\r\n" : "DELETE /files/a.txt HTTP/1.1\r\n")
					+ KEY_HEADERS + "\r\n";
		};
	}

	/** Now and then a header a client may send: a cookie, a range, one repeated, or one longer than the pool's. */
	private static String extraHeader(Random r) {
		return switch (r.nextInt(8)) {
			case 0 -> "Cookie: a=b; c=d\r\n";
			case 1 -> "Range: bytes=" + r.nextInt(8) + "-" + r.nextInt(8) + "\r\n";
			case 2 -> "Host: y\r\n";
			case 3 -> "X-Long: " + "l".repeat(3000 + r.nextInt(3000)) + "\r\n";
			case 4 -> "Connection: close\r\n";
			default -> "";
		};
	}

	private static String chunked(String body, Random r) {
		StringBuilder out = new StringBuilder();
		int at = 0;
		while (at < body.length()) {
			int n = Math.min(body.length() - at, 1 + r.nextInt(100));
			out.append(Integer.toHexString(n)).append("\r\n").append(body, at, at + n).append("\r\n");
			at += n;
		}
		return out.append("0\r\n\r\n").toString();
	}

	/** A handshake for the echo protocol (permessage-deflate offered in half), then frames, then broken. */
	static byte[] webSocket(Random r) {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		boolean deflate = r.nextBoolean();
		String head = "GET /" + (r.nextBoolean() ? "" : "ws?x=1") + " HTTP/1.1\r\n" + KEY_HEADERS
				+ "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
				+ Base64.getEncoder().encodeToString(Mutations.randomBytes(r, 16))
				+ "\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: echo\r\n"
				+ (deflate ? "Sec-WebSocket-Extensions: permessage-deflate"
						+ (r.nextBoolean() ? "; client_max_window_bits; server_no_context_takeover" : "") + "\r\n" : "")
				+ "\r\n";
		b.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
		int frames = r.nextInt(6);
		for (int i = 0; i < frames; i++) {
			b.writeBytes(frame(r, deflate));
		}
		return Mutations.mutate(b.toByteArray(), r);
	}

	/** One frame or short run of frames a client might send, or one it must not. */
	private static byte[] frame(Random r, boolean deflate) {
		byte[] text = "h\u00e9llo w\u00f6rld \u20ac".getBytes(StandardCharsets.UTF_8);
		byte[] key = Mutations.randomBytes(r, 4);
		return switch (r.nextInt(16)) {
			case 0 -> WsTestClient.frame(true, 0, 1, text, key);
			case 1 -> WsTestClient.frame(true, 0, 2, Mutations.randomBytes(r, r.nextInt(6000)), key);
			// a text message in three fragments, cut inside a character, with a ping between them
			case 2 -> Mutations.concat(WsTestClient.frame(false, 0, 1, Arrays.copyOf(text, 2), key),
					WsTestClient.frame(true, 0, 9, "p".getBytes(), key),
					WsTestClient.frame(false, 0, 0, Arrays.copyOfRange(text, 2, 9), key),
					WsTestClient.frame(true, 0, 0, Arrays.copyOfRange(text, 9, text.length), key));
			case 3 -> WsTestClient.frame(true, 0, 9, Mutations.randomBytes(r, r.nextInt(126)), key);
			case 4 -> WsTestClient.frame(true, 0, 8, closePayload(r), key);
			case 5 -> WsTestClient.frame(true, 0, 1, new byte[] { (byte) 0xC0, (byte) 0x80, 'x' }, key);
			case 6 -> WsTestClient.frame(true, r.nextInt(8), 1 + r.nextInt(15), "hello".getBytes(), key);
			case 7 -> WsTestClient.frame(true, 0, 1, text, (byte[]) null);
			case 8 -> WsTestClient.frame(true, 0, 9, Mutations.randomBytes(r, 126 + r.nextInt(200)), key);
			case 9 -> WsTestClient.frame(false, 0, 9, "p".getBytes(), key);
			case 10 -> WsTestClient.frame(true, 0, 0, text, key);
			case 11 -> WsTestClient.frame(true, 0, 10, "unsolicited".getBytes(), key);
			case 12 -> hugeLength(r, key);
			case 13 -> WsTestClient.frame(true, 4, 1 + r.nextInt(2), deflate ? deflated(text) : text, key);
			case 14 -> WsTestClient.frame(true, 4, 2, Mutations.randomBytes(r, 1 + r.nextInt(40)), key);
			default -> WsTestClient.frame(true, 0, 2, new byte[70_000 + r.nextInt(10_000)], key);
		};
	}

	/** A close payload: a code that may be sent, one that may not, one byte, or a reason that is not UTF-8. */
	private static byte[] closePayload(Random r) {
		return switch (r.nextInt(5)) {
			case 0 -> new byte[] { 0x03, (byte) 0xE8, 'b', 'y', 'e' };
			case 1 -> new byte[] { 0x03, (byte) (r.nextBoolean() ? 0xED : 0xEC) };
			case 2 -> new byte[] { 0x03 };
			case 3 -> new byte[] { 0x03, (byte) 0xE8, (byte) 0xFF };
			default -> new byte[0];
		};
	}

	/** A binary frame announcing up to 2^63 - 1 bytes (or with the top bit set), then a few. */
	private static byte[] hugeLength(Random r, byte[] key) {
		long length = r.nextBoolean() ? Long.MAX_VALUE : (1L << 40) | r.nextInt(1 << 30);
		if (r.nextInt(4) == 0) {
			length = -1;
		}
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		b.write(0x82);
		b.write(0x80 | 127);
		for (int i = 0; i < 8; i++) {
			b.write((int) (length >>> (56 - 8 * i)));
		}
		b.writeBytes(key);
		b.writeBytes(new byte[8]);
		return b.toByteArray();
	}

	/** {@code data} as one permessage-deflate message: raw deflate, flushed, without the final 00 00 ff ff. */
	private static byte[] deflated(byte[] data) {
		Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		try {
			d.setInput(data);
			byte[] out = new byte[data.length + 64];
			int n = d.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
			return Arrays.copyOf(out, n - 4);
		}
		finally {
			d.end();
		}
	}

}

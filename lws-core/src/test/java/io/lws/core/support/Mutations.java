package io.lws.core.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded breakage of well-formed HTTP and WebSocket bytes, for the fuzz tests of both roles: what a hostile or broken
 * peer sends instead of what it should.
 */
public final class Mutations {

	private Mutations() {
	}

	/** Bytes that mean something to an HTTP parser, to insert anywhere. */
	private static final List<String> TOKENS = List.of("\r\n", "\n", "\r", ":", " ", "\u0000", "%", "%00", "..", "/",
			"\t", "Content-Length: -1\r\n", "Content-Length: 99999999999999999999\r\n",
			"Transfer-Encoding: chunked\r\n", "Content-Length: 5\r\nContent-Length: 6\r\n",
			"Upgrade: websocket\r\nConnection: Upgrade\r\n", "Expect: 100-continue\r\n");

	/**
	 * Up to three of: cut short, a bit flipped, random bytes inserted, a run deleted, a number made huge, CRLF made LF,
	 * a token from {@link #TOKENS} or a long header line inserted, the whole repeated. One time in four, none.
	 */
	public static byte[] mutate(byte[] in, Random r) {
		byte[] b = in;
		int n = r.nextInt(4);
		for (int i = 0; i < n; i++) {
			int at = r.nextInt(b.length + 1);
			b = switch (r.nextInt(9)) {
				case 0 -> Arrays.copyOf(b, at);
				case 1 -> {
					if (b.length == 0) {
						yield b;
					}
					byte[] flipped = b.clone();
					flipped[Math.min(at, b.length - 1)] ^= (byte) (1 << r.nextInt(8));
					yield flipped;
				}
				case 2 -> insert(b, at, randomBytes(r, 1 + r.nextInt(20)));
				case 3 -> concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, Math.min(b.length, at + 1 + r.nextInt(10)),
						b.length));
				case 4 -> hugeNumbers(b, r);
				case 5 -> new String(b, StandardCharsets.ISO_8859_1).replaceFirst("\r\n", "\n")
					.getBytes(StandardCharsets.ISO_8859_1);
				case 6 -> insert(b, at, TOKENS.get(r.nextInt(TOKENS.size())).getBytes(StandardCharsets.ISO_8859_1));
				case 7 -> insert(b, at, ("X-F" + r.nextInt(1000) + ": " + "a".repeat(new int[] { 10, 1000, 5000 }[r
					.nextInt(3)]) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
				default -> r.nextBoolean() ? concat(b, b) : concat(b, b, b);
			};
		}
		return b;
	}

	private static byte[] insert(byte[] b, int at, byte[] what) {
		return concat(Arrays.copyOf(b, at), what, Arrays.copyOfRange(b, at, b.length));
	}

	/**
	 * The first chunk size after the head and the Content-Length made huge: past a long, or a length that fits but
	 * that the peer never sends.
	 */
	private static byte[] hugeNumbers(byte[] in, Random r) {
		String text = new String(in, StandardCharsets.ISO_8859_1);
		int body = text.indexOf("\r\n\r\n");
		if (body >= 0) {
			body += 4;
			text = text.substring(0, body) + text.substring(body)
				.replaceFirst("^[0-9a-f]+\r\n", r.nextBoolean() ? "ffffffffffffffffff\r\n" : "7fffffff\r\n");
		}
		return text
			.replaceFirst("Content-Length: [0-9]+",
					"Content-Length: " + (r.nextBoolean() ? "99999999999999999999" : String.valueOf(1L << 62)))
			.getBytes(StandardCharsets.ISO_8859_1);
	}

	/**
	 * Writes {@code bytes} in one to three pieces with pauses of up to 2 ms between them, as a peer's writes may
	 * arrive, so that every parser sees input split at places of {@code r}'s choosing.
	 */
	public static void writeInPieces(OutputStream out, byte[] bytes, Random r)
			throws IOException, InterruptedException {
		int pieces = 1 + r.nextInt(3);
		int at = 0;
		for (int p = 1; p <= pieces; p++) {
			int end = (p == pieces) ? bytes.length : at + r.nextInt(bytes.length - at + 1);
			out.write(bytes, at, end - at);
			out.flush();
			at = end;
			if (p < pieces) {
				Thread.sleep(r.nextInt(3));
			}
		}
	}

	/** {@code n} bytes from {@code r}. */
	public static byte[] randomBytes(Random r, int n) {
		byte[] b = new byte[n];
		r.nextBytes(b);
		return b;
	}

	/** The parts one after the other. */
	public static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		for (byte[] p : parts) {
			b.writeBytes(p);
		}
		return b.toByteArray();
	}

}

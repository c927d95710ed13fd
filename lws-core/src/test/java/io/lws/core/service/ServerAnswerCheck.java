package io.lws.core.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import io.lws.core.support.IgnoringWsListener;
import io.lws.core.ws.WebSocketProtocolException;
import io.lws.core.ws.WsReceiver;
import io.lws.core.ws.WsReceiverConfig;

/**
 * Reads what a server wrote on one connection, as strictly as a client must: HTTP/1.1 responses (RFC 9112: status
 * line, header fields, a body framed by length, chunks or the close), and after a 101 the server's WebSocket frames
 * (RFC 6455: unmasked, checked by the engine's own receiver in the client's role, nothing after a Close). Output that
 * ended with the server's FIN must also be whole: a response or frame cut short there is data the server lost.
 */
final class ServerAnswerCheck {

	private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] [1-5][0-9][0-9] [\\x20-\\x7e]*");

	private static final Pattern FIELD_LINE = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+: ?[\\x20-\\x7e]*");

	private final byte[] out;

	/** Whether the output ended with the server's FIN (rather than a reset or the client giving up). */
	private final boolean whole;

	private int pos;

	private ServerAnswerCheck(byte[] out, boolean whole) {
		this.out = out;
		this.whole = whole;
	}

	/** Checks HTTP responses, and the WebSocket frames that follow a 101; fails with what was wrong. */
	static void check(byte[] out, boolean whole) {
		new ServerAnswerCheck(out, whole).responses();
	}

	private void responses() {
		while (this.pos < this.out.length) {
			int end = indexOf("\r\n\r\n", this.pos);
			if (end < 0) {
				truncated("a response head");
				return;
			}
			String[] lines = new String(this.out, this.pos, end - this.pos, StandardCharsets.ISO_8859_1)
				.split("\r\n", -1);
			this.pos = end + 4;
			expect(STATUS_LINE.matcher(lines[0]).matches(), "a malformed status line: " + lines[0]);
			int status = Integer.parseInt(lines[0].substring(9, 12));
			long length = -1;
			boolean chunked = false;
			String extensions = null;
			for (int i = 1; i < lines.length; i++) {
				expect(FIELD_LINE.matcher(lines[i]).matches(), "a malformed header field: " + lines[i]);
				String name = lines[i].substring(0, lines[i].indexOf(':')).toLowerCase(Locale.ROOT);
				String value = lines[i].substring(lines[i].indexOf(':') + 1).trim();
				switch (name) {
					case "content-length" -> {
						expect(length < 0, "two content-length fields");
						length = Long.parseLong(value);
					}
					case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
					case "sec-websocket-extensions" -> extensions = value;
					default -> {
					}
				}
			}
			expect(!(chunked && length >= 0), "both content-length and chunked");
			if (status == 101) {
				frames(extensions != null && extensions.startsWith("permessage-deflate"));
				return;
			}
			if (status < 200 || status == 204 || status == 304) {
				continue;
			}
			if (chunked) {
				chunks();
			}
			else if (length >= 0) {
				skip(length, "a body");
			}
			else {
				// delimited by the close
				return;
			}
		}
	}

	private void chunks() {
		while (true) {
			int lineEnd = indexOf("\r\n", this.pos);
			if (lineEnd < 0) {
				truncated("a chunk size");
				return;
			}
			String size = new String(this.out, this.pos, lineEnd - this.pos, StandardCharsets.ISO_8859_1);
			expect(size.matches("[0-9a-fA-F]{1,15}"), "a malformed chunk size: " + size);
			long n = Long.parseLong(size, 16);
			this.pos = lineEnd + 2;
			if (n == 0) {
				expect(indexOf("\r\n", this.pos) == this.pos || !this.whole, "trailer fields after the last chunk");
				this.pos = Math.min(this.out.length, this.pos + 2);
				return;
			}
			if (!skip(n + 2, "a chunk")) {
				return;
			}
		}
	}

	/** The server's frames from {@link #pos}, checked as a client's receiver checks them. */
	private void frames(boolean deflate) {
		// with permessage-deflate the payloads are compressed, so their UTF-8 cannot be checked here
		WsReceiver rx = new WsReceiver(
				WsReceiverConfig.builder().server(false).allowRsv1(deflate).validateUtf8(!deflate).build());
		boolean closeSeen = false;
		while (this.pos < this.out.length) {
			expect(!closeSeen, "a frame after the server's Close");
			int start = this.pos;
			if (this.out.length - start < 2) {
				truncated("a frame head");
				return;
			}
			expect((this.out[start + 1] & 0x80) == 0, "a masked frame");
			closeSeen = (this.out[start] & 0x0F) == 8;
			int len7 = this.out[start + 1] & 0x7F;
			int headLength = 2 + ((len7 == 126) ? 2 : ((len7 == 127) ? 8 : 0));
			if (this.out.length - start < headLength) {
				truncated("a frame head");
				return;
			}
			long payload = len7;
			if (len7 >= 126) {
				payload = 0;
				for (int i = 2; i < headLength; i++) {
					payload = (payload << 8) | (this.out[start + i] & 0xFF);
				}
			}
			this.pos = start + headLength;
			if (!skip(payload, "a frame")) {
				return;
			}
			try {
				rx.receive(ByteBuffer.wrap(this.out, start, this.pos - start), IgnoringWsListener.INSTANCE);
			}
			catch (WebSocketProtocolException ex) {
				throw new AssertionError("a frame a client must fail (" + ex.getMessage() + ") at byte " + start);
			}
		}
	}

	/** Moves past {@code n} bytes of {@code what}; false if the output ends first. */
	private boolean skip(long n, String what) {
		if (this.out.length - this.pos < n) {
			truncated(what);
			this.pos = this.out.length;
			return false;
		}
		this.pos += (int) n;
		return true;
	}

	private void truncated(String what) {
		expect(!this.whole, what + " cut short by the server's FIN at byte " + this.pos);
	}

	private int indexOf(String s, int from) {
		byte[] needle = s.getBytes(StandardCharsets.ISO_8859_1);
		outer: for (int i = from; i <= this.out.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (this.out[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static void expect(boolean condition, String what) {
		if (!condition) {
			throw new AssertionError("the server wrote " + what);
		}
	}

}

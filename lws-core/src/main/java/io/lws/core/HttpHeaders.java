package io.lws.core;

import java.nio.ByteBuffer;
import java.util.Arrays;

import io.lws.core.http.HttpDate;
import io.lws.core.http.HttpStatus;

/**
 * Builds an HTTP/1.x response head to send with {@link Lws#write(ByteBuffer, WriteProtocol)} and
 * {@link WriteProtocol#HTTP_HEADERS}: the Java form of {@code lws_add_http_header_status},
 * {@code lws_add_http_header_by_token}, {@code lws_add_http_header_by_name},
 * {@code lws_add_http_header_content_length} and {@code lws_finalize_http_header}.
 * <p>
 * Header names are written in lower case, as libwebsockets does on HTTP/1. The status line uses the request's
 * version, and the context's {@code server_string} is added unless a {@code server} header is given. A
 * {@code date} header with the current time is added to every answer but a 1xx unless one is given (RFC 9110
 * section 6.6.1; libwebsockets sends none). Text is sent
 * as ISO-8859-1, the historical charset of HTTP header fields: a character outside it is sent as {@code ?}.
 * <p>
 * The lines are kept as bytes from the start, as libwebsockets writes them into the caller's buffer: the engine
 * answers every file request with a head built here, and a head built as text and encoded at the end was a third of
 * what serving a small file allocated.
 */
public final class HttpHeaders {

	private static final byte[] CRLF = { '\r', '\n' };

	private final int status;

	/** The header lines added so far, each ending in CRLF: {@code lines[0, length)}. */
	private byte[] lines = new byte[128];

	private int length;

	private boolean hasServer;

	private boolean hasDate;

	private HttpHeaders(int status) {
		if (status < 100 || status > 999) {
			throw new IllegalArgumentException("HTTP status must be three digits, not " + status);
		}
		this.status = status;
	}

	/** {@code lws_add_http_header_status}: starts a response head with {@code status}. */
	public static HttpHeaders status(int status) {
		return new HttpHeaders(status);
	}

	/** {@code lws_add_http_header_by_token}: adds a header by its token. */
	public HttpHeaders add(HeaderToken token, String value) {
		if (token.kind() != HeaderToken.Kind.HEADER) {
			throw new IllegalArgumentException(token + " is not a header token");
		}
		return add(token.headerName(), value);
	}

	/** {@code lws_add_http_header_by_name}: adds a header by name. CR and LF are refused. */
	public HttpHeaders add(String name, String value) {
		if (name.isEmpty() || containsLineBreak(name) || containsLineBreak(value) || name.indexOf(':') >= 0) {
			throw new IllegalArgumentException("Header name or value contains a line break or colon: " + name);
		}
		if (name.equalsIgnoreCase("server")) {
			this.hasServer = true;
		}
		if (name.equalsIgnoreCase("date")) {
			this.hasDate = true;
		}
		startLine(name, value.length());
		appendText(value);
		appendCrlf();
		return this;
	}

	/**
	 * {@code lws_add_http_header_content_length}, whose length is unsigned.
	 * @throws IllegalArgumentException if {@code length} is negative
	 */
	public HttpHeaders contentLength(long length) {
		if (length < 0) {
			throw new IllegalArgumentException("content-length cannot be negative: " + length);
		}
		startLine("content-length", 19);
		appendDecimal(length);
		appendCrlf();
		return this;
	}

	/** Adds a {@code content-type} header. */
	public HttpHeaders contentType(String type) {
		return add("content-type", type);
	}

	/**
	 * {@code lws_finalize_http_header}: the finished head for {@code wsi}'s request, ready to write.
	 * @param wsi the connection (its request version and context server string are used)
	 * @return a buffer holding the whole head, including the blank line
	 */
	public ByteBuffer toByteBuffer(Lws wsi) {
		return toByteBuffer(wsi.httpVersion(), wsi.context().info().serverString());
	}

	/** The finished head with an explicit version and server string (may be {@code null}). */
	public ByteBuffer toByteBuffer(String version, String serverString) {
		ByteBuffer head = ByteBuffer.allocate(encodedLength(version, serverString));
		writeTo(head, version, serverString);
		return head.flip();
	}

	/**
	 * How many bytes {@link #writeTo(ByteBuffer, String, String)} writes for this head.
	 * @param version the status line's version, for example {@code HTTP/1.1}
	 * @param serverString the {@code server} header's value, or {@code null} for none
	 * @return the length of the whole head, including the blank line
	 */
	public int encodedLength(String version, String serverString) {
		String reason = HttpStatus.reasonPhrase(this.status);
		int n = version.length() + 5 + reason.length() + 2 + this.length + 2;
		if (sendsServer(serverString)) {
			n += 10 + serverString.length();
		}
		if (sendsDate()) {
			n += 8 + HttpDate.LENGTH;
		}
		return n;
	}

	/**
	 * {@code lws_finalize_http_header} into the caller's buffer, as libwebsockets writes a head where the caller's
	 * pointer points: the status line, the {@code server} and {@code date} headers unless added, the headers, the
	 * blank line.
	 * @param dst where the head goes, from its position; it needs {@link #encodedLength(String, String)} bytes left
	 * @param version the status line's version, for example {@code HTTP/1.1}
	 * @param serverString the {@code server} header's value, or {@code null} for none
	 * @throws java.nio.BufferOverflowException if {@code dst} has too little room (it may be partly written)
	 */
	public void writeTo(ByteBuffer dst, String version, String serverString) {
		putText(dst, version);
		dst.put((byte) ' ').put((byte) ('0' + this.status / 100)).put((byte) ('0' + this.status / 10 % 10))
			.put((byte) ('0' + this.status % 10)).put((byte) ' ');
		putText(dst, HttpStatus.reasonPhrase(this.status));
		dst.put(CRLF);
		if (sendsServer(serverString)) {
			putText(dst, "server: ");
			putText(dst, serverString);
			dst.put(CRLF);
		}
		if (sendsDate()) {
			putText(dst, "date: ");
			dst.put(HttpDate.now()).put(CRLF);
		}
		dst.put(this.lines, 0, this.length).put(CRLF);
	}

	private boolean sendsDate() {
		return !this.hasDate && this.status >= 200;
	}

	private boolean sendsServer(String serverString) {
		return !this.hasServer && serverString != null;
	}

	/** Appends {@code name: } in lower case, with room for {@code valueLength} more bytes and the CRLF. */
	private void startLine(String name, int valueLength) {
		ensureRoom(name.length() + 2 + valueLength + 2);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			this.lines[this.length++] = latin1(Character.toLowerCase(c));
		}
		this.lines[this.length++] = ':';
		this.lines[this.length++] = ' ';
	}

	private void appendText(String s) {
		ensureRoom(s.length());
		for (int i = 0; i < s.length(); i++) {
			this.lines[this.length++] = latin1(s.charAt(i));
		}
	}

	/** Appends the decimal digits of {@code v} (0 or more) without making a string of them. */
	private void appendDecimal(long v) {
		int digits = 1;
		for (long rest = v / 10; rest > 0; rest /= 10) {
			digits++;
		}
		ensureRoom(digits);
		long rest = v;
		for (int i = this.length + digits - 1; i >= this.length; i--) {
			this.lines[i] = (byte) ('0' + rest % 10);
			rest /= 10;
		}
		this.length += digits;
	}

	private void appendCrlf() {
		ensureRoom(2);
		this.lines[this.length++] = '\r';
		this.lines[this.length++] = '\n';
	}

	private void ensureRoom(int more) {
		if (this.length + more > this.lines.length) {
			this.lines = Arrays.copyOf(this.lines, Math.max(this.lines.length * 2, this.length + more));
		}
	}

	private static void putText(ByteBuffer dst, String s) {
		for (int i = 0; i < s.length(); i++) {
			dst.put(latin1(s.charAt(i)));
		}
	}

	/** A character as ISO-8859-1, {@code ?} when it has no byte there (what {@code String.getBytes} gives). */
	private static byte latin1(char c) {
		return (byte) ((c <= 0xFF) ? c : '?');
	}

	private static boolean containsLineBreak(String s) {
		return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
	}

}

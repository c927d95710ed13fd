package io.lws.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.lws.core.http.HttpStatus;

/**
 * Builds an HTTP/1.x response head to send with {@link Lws#write(ByteBuffer, WriteProtocol)} and
 * {@link WriteProtocol#HTTP_HEADERS}: the Java form of {@code lws_add_http_header_status},
 * {@code lws_add_http_header_by_token}, {@code lws_add_http_header_by_name},
 * {@code lws_add_http_header_content_length} and {@code lws_finalize_http_header}.
 * <p>
 * Header names are written in lower case, as libwebsockets does on HTTP/1. The status line uses the request's
 * version, and the context's {@code server_string} is added unless a {@code server} header is given.
 */
public final class HttpHeaders {

	private final int status;

	private final StringBuilder lines = new StringBuilder(128);

	private boolean hasServer;

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
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.equals("server")) {
			this.hasServer = true;
		}
		this.lines.append(lower).append(": ").append(value).append("\r\n");
		return this;
	}

	/** {@code lws_add_http_header_content_length}. */
	public HttpHeaders contentLength(long length) {
		return add("content-length", Long.toString(length));
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
		StringBuilder sb = new StringBuilder(this.lines.length() + 64);
		sb.append(version).append(' ').append(this.status).append(' ').append(HttpStatus.reasonPhrase(this.status))
			.append("\r\n");
		if (!this.hasServer && serverString != null) {
			sb.append("server: ").append(serverString).append("\r\n");
		}
		sb.append(this.lines).append("\r\n");
		return ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
	}

	private static boolean containsLineBreak(String s) {
		return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
	}

}

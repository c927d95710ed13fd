package io.lws.core;

import java.nio.charset.StandardCharsets;

import io.lws.core.http.HttpChars;

/**
 * The room left in a client's request head during {@code CLIENT_APPEND_HANDSHAKE_HEADER}: what libwebsockets gives as
 * a {@code char **} into its header buffer and the length left. Headers are added as whole lines and only when they
 * fit; the room is bounded by {@code max_http_header_data}, like the buffer lws writes the request into.
 * <p>
 * Used on the connection's service thread during the callback only.
 */
public final class ClientHandshakeHeaders {

	private final StringBuilder lines = new StringBuilder();

	private int remaining;

	/**
	 * Room for {@code capacity} bytes of header lines.
	 * @param capacity bytes the added lines may take, CRLFs included
	 */
	public ClientHandshakeHeaders(int capacity) {
		this.remaining = capacity;
	}

	/**
	 * {@code lws_add_http_header_by_name}: adds {@code name: value}.
	 * @param name a header name (a token, without the colon)
	 * @param value the value, with no line break
	 * @return {@code true} when added; {@code false}, with nothing added, when it does not fit
	 * @throws IllegalArgumentException when the name is not a token or the value holds a line break
	 */
	public boolean add(String name, String value) {
		if (!HttpChars.isToken(name)) {
			throw new IllegalArgumentException("'" + name + "' is not a header name");
		}
		if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
			throw new IllegalArgumentException("The value of " + name + " holds a line break");
		}
		String line = name + ": " + value + "\r\n";
		int bytes = line.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > this.remaining) {
			return false;
		}
		this.remaining -= bytes;
		this.lines.append(line);
		return true;
	}

	/**
	 * {@code lws_add_http_header_by_token}: adds the header a token names.
	 * @param token a header token, e.g. {@link HeaderToken#HTTP_COOKIE}
	 * @param value the value
	 * @return {@code true} when added, {@code false} when it does not fit
	 */
	public boolean add(HeaderToken token, String value) {
		return add(token.headerName(), value);
	}

	/** The bytes still free (lws' {@code len}). */
	public int remaining() {
		return this.remaining;
	}

	/** The lines added so far, each ending in CRLF. */
	public String lines() {
		return this.lines.toString();
	}

}

package io.lws.core;

/**
 * What {@link Lws#write} sends: libwebsockets' {@code enum lws_write_protocol}. The C flag {@code LWS_WRITE_NO_FIN}
 * is the {@code fin} argument of {@link Lws#write(java.nio.ByteBuffer, WriteProtocol, boolean)}.
 */
public enum WriteProtocol {

	/** {@code LWS_WRITE_TEXT}: a WebSocket text message (or its first fragment). */
	TEXT(0),
	/** {@code LWS_WRITE_BINARY}: a WebSocket binary message (or its first fragment). */
	BINARY(1),
	/** {@code LWS_WRITE_CONTINUATION}: the next fragment of a WebSocket message. */
	CONTINUATION(2),
	/** {@code LWS_WRITE_HTTP}: HTTP body bytes. */
	HTTP(3),
	/** {@code LWS_WRITE_PING}: a WebSocket ping (payload at most 125 bytes). */
	PING(5),
	/** {@code LWS_WRITE_PONG}: a WebSocket pong (payload at most 125 bytes). */
	PONG(6),
	/** {@code LWS_WRITE_HTTP_FINAL}: the last HTTP body bytes of the response. */
	HTTP_FINAL(7),
	/** {@code LWS_WRITE_HTTP_HEADERS}: the HTTP status line and headers, as built by {@link HttpHeaders}. */
	HTTP_HEADERS(8);

	private final int value;

	WriteProtocol(int value) {
		this.value = value;
	}

	/** The number libwebsockets gives this write protocol. */
	public int value() {
		return this.value;
	}

	/** Whether this writes a WebSocket frame. */
	public boolean isWebSocket() {
		return this == TEXT || this == BINARY || this == CONTINUATION || this == PING || this == PONG;
	}

	/** Whether this writes HTTP bytes. */
	public boolean isHttp() {
		return this == HTTP || this == HTTP_FINAL || this == HTTP_HEADERS;
	}

}

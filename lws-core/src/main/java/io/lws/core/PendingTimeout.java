package io.lws.core;

/**
 * Why a connection has a timeout pending: libwebsockets' {@code enum pending_timeout}. When a timeout expires the
 * connection is closed without a WebSocket close frame, as in libwebsockets.
 *
 * @see Lws#setTimeout(PendingTimeout, int)
 */
public enum PendingTimeout {

	/** {@code NO_PENDING_TIMEOUT}: no timeout; setting it cancels the pending one. */
	NO_PENDING_TIMEOUT(0),
	/** {@code PENDING_TIMEOUT_AWAITING_PROXY_RESPONSE}: a client waits for its proxy's CONNECT answer. */
	AWAITING_PROXY_RESPONSE(1),
	/** {@code PENDING_TIMEOUT_AWAITING_CONNECT_RESPONSE}: a client waits for its TCP connect to finish. */
	AWAITING_CONNECT_RESPONSE(2),
	/** {@code PENDING_TIMEOUT_ESTABLISH_WITH_SERVER}: a new server connection waits for its first request. */
	ESTABLISH_WITH_SERVER(3),
	/** {@code PENDING_TIMEOUT_AWAITING_SERVER_RESPONSE}: a client waits for the server's handshake answer. */
	AWAITING_SERVER_RESPONSE(4),
	/** {@code PENDING_TIMEOUT_AWAITING_PING}: waiting for a ping answer. */
	AWAITING_PING(5),
	/** {@code PENDING_TIMEOUT_CLOSE_ACK}: our close was sent; waiting for the peer's close. */
	CLOSE_ACK(6),
	/** {@code PENDING_TIMEOUT_UNUSED1}: kept for numbering. */
	UNUSED1(7),
	/** {@code PENDING_TIMEOUT_SENT_CLIENT_HANDSHAKE}: a client sent its handshake. */
	SENT_CLIENT_HANDSHAKE(8),
	/** {@code PENDING_TIMEOUT_SSL_ACCEPT}: a TLS handshake is in progress. */
	SSL_ACCEPT(9),
	/** {@code PENDING_TIMEOUT_HTTP_CONTENT}: waiting for request body bytes. */
	HTTP_CONTENT(10),
	/** {@code PENDING_TIMEOUT_AWAITING_CLIENT_HS_SEND}: a client handshake is being sent. */
	AWAITING_CLIENT_HS_SEND(11),
	/** {@code PENDING_FLUSH_STORED_SEND_BEFORE_CLOSE}: buffered output drains before a close. */
	FLUSH_STORED_SEND_BEFORE_CLOSE(12),
	/** {@code PENDING_TIMEOUT_SHUTDOWN_FLUSH}: output drains at shutdown. */
	SHUTDOWN_FLUSH(13),
	/** {@code PENDING_TIMEOUT_CGI}: a CGI child runs. */
	CGI(14),
	/** {@code PENDING_TIMEOUT_HTTP_KEEPALIVE_IDLE}: an idle keep-alive connection waits for its next request. */
	HTTP_KEEPALIVE_IDLE(15),
	/** {@code PENDING_TIMEOUT_WS_PONG_CHECK_SEND_PING}: time to send a keep-alive ping. */
	WS_PONG_CHECK_SEND_PING(16),
	/** {@code PENDING_TIMEOUT_WS_PONG_CHECK_GET_PONG}: a keep-alive ping was sent; waiting for its pong. */
	WS_PONG_CHECK_GET_PONG(17),
	/** {@code PENDING_TIMEOUT_CLIENT_ISSUE_PAYLOAD}: a client is sending its request body. */
	CLIENT_ISSUE_PAYLOAD(18),
	/** {@code PENDING_TIMEOUT_AWAITING_SOCKS_GREETING_REPLY}: SOCKS greeting. */
	AWAITING_SOCKS_GREETING_REPLY(19),
	/** {@code PENDING_TIMEOUT_AWAITING_SOCKS_CONNECT_REPLY}: SOCKS connect. */
	AWAITING_SOCKS_CONNECT_REPLY(20),
	/** {@code PENDING_TIMEOUT_AWAITING_SOCKS_AUTH_REPLY}: SOCKS auth. */
	AWAITING_SOCKS_AUTH_REPLY(21),
	/** {@code PENDING_TIMEOUT_KILLED_BY_SSL_INFO}: closed from an SSL info callback. */
	KILLED_BY_SSL_INFO(22),
	/** {@code PENDING_TIMEOUT_KILLED_BY_PARENT}: closed because its parent closed. */
	KILLED_BY_PARENT(23),
	/** {@code PENDING_TIMEOUT_CLOSE_SEND}: a close frame is being sent. */
	CLOSE_SEND(24),
	/** {@code PENDING_TIMEOUT_HOLDING_AH}: the connection holds (or waits for) a header buffer. */
	HOLDING_AH(25),
	/** {@code PENDING_TIMEOUT_USER_OK}: an application-chosen timeout. */
	USER_OK(32),
	/** {@code PENDING_TIMEOUT_HTTP_RESPONSE}: the response is not finished in time (a client that never reads). */
	HTTP_RESPONSE(33),
	/** {@code PENDING_TIMEOUT_USER_REASON_BASE}: the first number free for application reasons. */
	USER_REASON_BASE(1000);

	private final int value;

	PendingTimeout(int value) {
		this.value = value;
	}

	/** The number libwebsockets gives this reason. */
	public int value() {
		return this.value;
	}

}

package io.lws.core;

/**
 * Why a protocol callback is being called: libwebsockets' {@code enum lws_callback_reasons}, with the C numbers kept
 * so logs and ported code line up.
 * <p>
 * The common reasons have typed methods on {@link LwsProtocolHandler}; every reason, common or rare, also reaches
 * {@link LwsProtocolHandler#callback(Lws, CallbackReason, Object, Object)}, the Java form of
 * {@code lws_callback_function}.
 */
public enum CallbackReason {

	/** {@code LWS_CALLBACK_ESTABLISHED}: a server WebSocket handshake completed. */
	ESTABLISHED(0),
	/** {@code LWS_CALLBACK_CLIENT_CONNECTION_ERROR}: a client connection failed; {@code in} is the error text. */
	CLIENT_CONNECTION_ERROR(1),
	/** {@code LWS_CALLBACK_CLIENT_FILTER_PRE_ESTABLISH}: last chance for a client to reject the server's headers. */
	CLIENT_FILTER_PRE_ESTABLISH(2),
	/** {@code LWS_CALLBACK_CLIENT_ESTABLISHED}: a client WebSocket handshake completed. */
	CLIENT_ESTABLISHED(3),
	/** {@code LWS_CALLBACK_CLOSED}: a WebSocket session ended; called exactly once per WebSocket connection. */
	CLOSED(4),
	/** {@code LWS_CALLBACK_CLOSED_HTTP}: an HTTP (non-WebSocket) connection ended. */
	CLOSED_HTTP(5),
	/** {@code LWS_CALLBACK_RECEIVE}: WebSocket payload arrived; {@code in} is a {@link java.nio.ByteBuffer}. */
	RECEIVE(6),
	/** {@code LWS_CALLBACK_RECEIVE_PONG}: a PONG arrived at a server connection; {@code in} is its payload. */
	RECEIVE_PONG(7),
	/** {@code LWS_CALLBACK_CLIENT_RECEIVE}: WebSocket payload arrived at a client connection. */
	CLIENT_RECEIVE(8),
	/** {@code LWS_CALLBACK_CLIENT_RECEIVE_PONG}: a PONG arrived at a client connection. */
	CLIENT_RECEIVE_PONG(9),
	/** {@code LWS_CALLBACK_CLIENT_WRITEABLE}: a client connection may write. */
	CLIENT_WRITEABLE(10),
	/** {@code LWS_CALLBACK_SERVER_WRITEABLE}: a server WebSocket connection may write. */
	SERVER_WRITEABLE(11),
	/** {@code LWS_CALLBACK_HTTP}: an HTTP request not served by a mount; {@code in} is the URI path. */
	HTTP(12),
	/**
	 * {@code LWS_CALLBACK_HTTP_BODY}: the next piece of a request body; {@code in} is a {@link java.nio.ByteBuffer}.
	 */
	HTTP_BODY(13),
	/**
	 * {@code LWS_CALLBACK_HTTP_BODY_COMPLETION}: the whole request body has been delivered; also at once for a request
	 * other than GET or HEAD without a body (no length, or {@code Content-Length: 0}), and never after the protocol
	 * answered during the body.
	 */
	HTTP_BODY_COMPLETION(14),
	/** {@code LWS_CALLBACK_HTTP_FILE_COMPLETION}: a file started by {@code serveHttpFile} has been sent. */
	HTTP_FILE_COMPLETION(15),
	/** {@code LWS_CALLBACK_HTTP_WRITEABLE}: an HTTP connection may write more. */
	HTTP_WRITEABLE(16),
	/** {@code LWS_CALLBACK_FILTER_NETWORK_CONNECTION}: a socket was accepted; non-zero closes it at once. */
	FILTER_NETWORK_CONNECTION(17),
	/** {@code LWS_CALLBACK_FILTER_HTTP_CONNECTION}: a request was parsed; non-zero refuses it (403). */
	FILTER_HTTP_CONNECTION(18),
	/** {@code LWS_CALLBACK_SERVER_NEW_CLIENT_INSTANTIATED}: an accepted connection was set up; return ignored. */
	SERVER_NEW_CLIENT_INSTANTIATED(19),
	/** {@code LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION}: an upgrade was parsed; non-zero refuses it. */
	FILTER_PROTOCOL_CONNECTION(20),
	/**
	 * {@code LWS_CALLBACK_OPENSSL_LOAD_EXTRA_CLIENT_VERIFY_CERTS}: add trust material for the servers a vhost's client
	 * connections check; {@code in} is a {@link io.lws.core.tls.TlsClientSetup} (to the first protocol).
	 */
	OPENSSL_LOAD_EXTRA_CLIENT_VERIFY_CERTS(21),
	/** {@code LWS_CALLBACK_OPENSSL_LOAD_EXTRA_SERVER_VERIFY_CERTS}: add server trust material. */
	OPENSSL_LOAD_EXTRA_SERVER_VERIFY_CERTS(22),
	/** {@code LWS_CALLBACK_OPENSSL_PERFORM_CLIENT_CERT_VERIFICATION}: verify a client certificate. */
	OPENSSL_PERFORM_CLIENT_CERT_VERIFICATION(23),
	/** {@code LWS_CALLBACK_CLIENT_APPEND_HANDSHAKE_HEADER}: add headers to a client handshake. */
	CLIENT_APPEND_HANDSHAKE_HEADER(24),
	/** {@code LWS_CALLBACK_CONFIRM_EXTENSION_OKAY}: may this extension be used; {@code in} is its name. */
	CONFIRM_EXTENSION_OKAY(25),
	/** {@code LWS_CALLBACK_CLIENT_CONFIRM_EXTENSION_SUPPORTED}: may a client offer this extension. */
	CLIENT_CONFIRM_EXTENSION_SUPPORTED(26),
	/** {@code LWS_CALLBACK_PROTOCOL_INIT}: once per (vhost, protocol) at start; {@code in} is the {@link LwsVhost}. */
	PROTOCOL_INIT(27),
	/**
	 * {@code LWS_CALLBACK_PROTOCOL_DESTROY}: once per (vhost, protocol) at destroy; {@code in} is the {@link LwsVhost}.
	 */
	PROTOCOL_DESTROY(28),
	/** {@code LWS_CALLBACK_WSI_CREATE}: earliest notification of a new connection, to the vhost's first protocol. */
	WSI_CREATE(29),
	/** {@code LWS_CALLBACK_WSI_DESTROY}: latest notification of a connection, to the vhost's first protocol. */
	WSI_DESTROY(30),
	/** {@code LWS_CALLBACK_GET_THREAD_ID}: not used; the Java engine knows its threads. */
	GET_THREAD_ID(31),
	/** {@code LWS_CALLBACK_ADD_POLL_FD}: a channel joined the poll set; {@code in} is a {@link PollArgs}. */
	ADD_POLL_FD(32),
	/** {@code LWS_CALLBACK_DEL_POLL_FD}: a channel left the poll set; {@code in} is a {@link PollArgs}. */
	DEL_POLL_FD(33),
	/** {@code LWS_CALLBACK_CHANGE_MODE_POLL_FD}: a channel's interest changed; {@code in} is a {@link PollArgs}. */
	CHANGE_MODE_POLL_FD(34),
	/** {@code LWS_CALLBACK_LOCK_POLL}: before a poll-set change. */
	LOCK_POLL(35),
	/** {@code LWS_CALLBACK_UNLOCK_POLL}: after a poll-set change. */
	UNLOCK_POLL(36),
	/** {@code LWS_CALLBACK_OPENSSL_CONTEXT_REQUIRES_PRIVATE_KEY}: a certificate was given without a key. */
	OPENSSL_CONTEXT_REQUIRES_PRIVATE_KEY(37),
	/** {@code LWS_CALLBACK_WS_PEER_INITIATED_CLOSE}: the peer sent a close; {@code in} is its payload. */
	WS_PEER_INITIATED_CLOSE(38),
	/** {@code LWS_CALLBACK_WS_EXT_DEFAULTS}: adjust negotiated extension defaults. */
	WS_EXT_DEFAULTS(39),
	/** {@code LWS_CALLBACK_ESTABLISHED_CLIENT_HTTP}: an HTTP client connection got its response headers. */
	ESTABLISHED_CLIENT_HTTP(44),
	/** {@code LWS_CALLBACK_CLOSED_CLIENT_HTTP}: an HTTP client connection is closing. */
	CLOSED_CLIENT_HTTP(45),
	/** {@code LWS_CALLBACK_RECEIVE_CLIENT_HTTP}: response body data is available to an HTTP client. */
	RECEIVE_CLIENT_HTTP(46),
	/** {@code LWS_CALLBACK_COMPLETED_CLIENT_HTTP}: an HTTP client transaction completed. */
	COMPLETED_CLIENT_HTTP(47),
	/** {@code LWS_CALLBACK_RECEIVE_CLIENT_HTTP_READ}: a piece of response body for an HTTP client. */
	RECEIVE_CLIENT_HTTP_READ(48),
	/**
	 * {@code LWS_CALLBACK_HTTP_BIND_PROTOCOL}: an HTTP transaction was bound to this protocol (the vhost's first, or
	 * the one a callback mount names), with the session {@code newSession} just made for it; before
	 * {@code FILTER_HTTP_CONNECTION}. Non-zero closes the connection without an answer, and no
	 * {@code HTTP_DROP_PROTOCOL} follows.
	 */
	HTTP_BIND_PROTOCOL(49),
	/**
	 * {@code LWS_CALLBACK_HTTP_DROP_PROTOCOL}: the transaction bound by {@code HTTP_BIND_PROTOCOL} let go of this
	 * protocol and its session: at the end of the transaction, or when the connection closes during it (after
	 * {@code CLOSED_HTTP}). The last callback with that session, whichever way the transaction ended; return ignored.
	 */
	HTTP_DROP_PROTOCOL(50),
	/**
	 * {@code LWS_CALLBACK_ADD_HEADERS}: add headers to an answer the engine makes for a transaction bound to this
	 * protocol: a file it serves (a mount's, or {@link Lws#serveHttpFile}'s, and their 304) and the WebSocket
	 * upgrade's 101. {@code in} is the {@link HttpHeaders} being built; non-zero closes the connection instead (the
	 * upgrade is answered 500).
	 */
	ADD_HEADERS(53),
	/** {@code LWS_CALLBACK_CLIENT_HTTP_WRITEABLE}: an HTTP client with a body pending may write some of it (2.1+). */
	CLIENT_HTTP_WRITEABLE(57),
	/**
	 * {@code LWS_CALLBACK_OPENSSL_PERFORM_SERVER_CERT_VERIFICATION}: a client may overrule the check of the server's
	 * certificate chain; {@code in} is a {@link io.lws.core.tls.ServerCertificateCheck} (to the first protocol, on the
	 * connection's service thread; 2.1+).
	 */
	OPENSSL_PERFORM_SERVER_CERT_VERIFICATION(58),
	/** {@code LWS_CALLBACK_EVENT_WAIT_CANCELLED}: {@code cancelService()} woke the service thread (4.x). */
	EVENT_WAIT_CANCELLED(71),
	/** {@code LWS_CALLBACK_TIMER}: the timer set by {@link Lws#setTimer(long)} expired (4.x). */
	TIMER(73),
	/** {@code LWS_CALLBACK_CLIENT_CLOSED}: a client WebSocket session ended (4.x). */
	CLIENT_CLOSED(75),
	/**
	 * {@code LWS_CALLBACK_CLIENT_HTTP_REDIRECT}: an HTTP client is about to follow a 3xx; {@code in} is the
	 * {@code Location}; non-zero hangs up instead (4.x).
	 */
	CLIENT_HTTP_REDIRECT(104),
	/** {@code LWS_CALLBACK_USER}: the first number free for the application's own reasons. */
	USER(1000);

	private final int value;

	CallbackReason(int value) {
		this.value = value;
	}

	/** The number libwebsockets gives this reason. */
	public int value() {
		return this.value;
	}

}

package io.lws.core;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.charset.StandardCharsets;

import io.lws.core.mount.FileOps;

/**
 * One connection: libwebsockets' {@code struct lws} ("wsi"), and the functions that take it.
 * <p>
 * Threading: a connection lives on one service thread. Call its methods only from its callbacks or from tasks
 * posted to its thread ({@link LwsContext#post}); called from another thread they throw
 * {@link IllegalStateException}. The exceptions, safe from any thread, are {@link #callbackOnWritable()},
 * {@link #post(Runnable)}, {@link #isClosed()} and {@link #cancelServicePt()}.
 */
public interface Lws {

	/** {@code lws_get_context}: the context this connection belongs to. */
	LwsContext context();

	/** {@code lws_get_vhost}: the vhost serving this connection (chosen by Host once the request is parsed). */
	LwsVhost vhost();

	/** {@code lws_get_protocol}: the protocol bound to this connection (the vhost's first while in HTTP). */
	LwsProtocol<?> protocol();

	/** {@code lws_wsi_user}: the per-session state of this connection, or {@code null}. */
	Object session();

	/** Whether this connection has been upgraded to WebSocket. */
	boolean isWebSocket();

	/** {@code lws_is_ssl}: 0 plain, 1 TLS with a verified peer, 2 TLS with an unchecked peer. */
	int isSsl();

	/**
	 * The TLS session of this connection once its handshake is done (protocol, cipher suite, the client's certificates
	 * under {@code REQUIRE_VALID_OPENSSL_CLIENT_CERT}); null for plain connections.
	 */
	default javax.net.ssl.SSLSession sslSession() {
		return null;
	}

	// ---- headers (while the request's header buffer is held: HTTP callbacks, FILTER_PROTOCOL_CONNECTION) ----

	/** {@code lws_hdr_total_length}: length of all fragments of {@code h} joined by one separator; 0 when absent. */
	int hdrTotalLength(HeaderToken h);

	/** {@code lws_hdr_fragment_length}: length of fragment {@code fragIdx} of {@code h}; 0 when absent. */
	int hdrFragmentLength(HeaderToken h, int fragIdx);

	/**
	 * {@code lws_hdr_copy}: copies the fragments of {@code h}, joined by {@code ,} ({@code ;} for cookies), into
	 * {@code dst}. Returns the number of bytes copied, or -1 (copying nothing) when {@code dst} has too little room. A
	 * Java buffer needs no room for C's terminating NUL.
	 */
	int hdrCopy(ByteBuffer dst, HeaderToken h);

	/** {@code lws_hdr_copy_fragment}: copies one fragment; -1 when {@code dst} is too small or it is absent. */
	int hdrCopyFragment(ByteBuffer dst, HeaderToken h, int fragIdx);

	/**
	 * The value of {@code h} as a String (fragments joined as {@link #hdrCopy(ByteBuffer, HeaderToken)} does), or
	 * {@code null}.
	 */
	String hdrCopy(HeaderToken h);

	/** One fragment of {@code h} as a String, or {@code null}. */
	String hdrFragment(HeaderToken h, int fragIdx);

	/** {@code lws_hdr_custom_copy} (4.x): a header with no token, by name (any case), or {@code null}. */
	String hdrCustom(String name);

	/** {@code lws_get_urlarg_by_name}: the value of query argument {@code name}, or {@code null}. */
	String urlArg(String name);

	// ---- writing ----

	/**
	 * {@code lws_write}: sends {@code buf} (from its position to its limit) with protocol {@code wp}. WebSocket types
	 * are framed here; no headroom is needed in front of the data (the C {@code LWS_PRE} contract does not apply).
	 * The bytes are copied before returning, so {@code buf} may be reused at once. Returns the number of payload
	 * bytes accepted, or -1 when the connection is failing (it is then closed). After each write check
	 * {@link #partialBuffered()}.
	 */
	default int write(ByteBuffer buf, WriteProtocol wp) {
		return write(buf, wp, true);
	}

	/**
	 * {@code lws_write} with the {@code LWS_WRITE_NO_FIN} flag as {@code fin == false}: sends a fragment that is not
	 * the last of its WebSocket message (continue with {@link WriteProtocol#CONTINUATION}).
	 */
	int write(ByteBuffer buf, WriteProtocol wp, boolean fin);

	/** {@code lws_write} of a String's UTF-8 bytes. */
	default int write(String text, WriteProtocol wp) {
		return write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), wp, true);
	}

	/**
	 * {@code lws_partial_buffered}: whether output is waiting to go out, so the caller should stop writing, ask for
	 * {@link #callbackOnWritable()} and continue from there. Never true at the start of a writeable callback.
	 */
	boolean partialBuffered();

	/**
	 * {@code lws_callback_on_writable}: asks for one {@code SERVER_WRITEABLE} (WebSocket) or {@code HTTP_WRITEABLE}
	 * callback when the socket can take more. Requests coalesce. Safe from any thread.
	 */
	void callbackOnWritable();

	// ---- HTTP responses ----

	/**
	 * {@code lws_return_http_status}: answers with {@code code} and a small HTML body (the libwebsockets error page,
	 * with {@code html} in it when not {@code null}), then completes the transaction. Returns non-zero when the
	 * connection must close, so a callback can {@code return wsi.returnHttpStatus(404, null);}.
	 */
	int returnHttpStatus(int code, String html);

	/**
	 * {@code lws_serve_http_file}: answers 200 with the file at {@code path} on the file system, sent in chunks as
	 * the socket drains, then {@code HTTP_FILE_COMPLETION}. {@code otherHeaders} are added verbatim (each line ending
	 * in CRLF) or may be {@code null}. Returns 0 when the transfer started, non-zero when the connection must close
	 * (a missing file answers 404).
	 */
	int serveHttpFile(String path, String contentType, String otherHeaders);

	/** {@code lws_serve_http_file} through a {@link FileOps} ({@code lws_plat_file_ops}), e.g. the classpath. */
	int serveHttpFile(FileOps fileOps, String path, String contentType, String otherHeaders);

	/** The current request's version, {@code "HTTP/1.0"} or {@code "HTTP/1.1"}, used for the response's status line. */
	String httpVersion();

	/** The current request's method ({@code GET}, {@code POST}...), or {@code null} outside a request. */
	String httpMethod();

	/** Whether a status line has been written for the current HTTP transaction. */
	boolean isHttpResponseStarted();

	/**
	 * {@code lws_http_transaction_completed}: the response is complete; wait for the next request on this connection
	 * or close it. Returns {@code true} when the connection must close (HTTP/1.0, {@code Connection: close}), in
	 * which case it is closed once its output is flushed.
	 */
	boolean httpTransactionCompleted();

	// ---- WebSocket receive state (valid in RECEIVE) ----

	/** {@code lws_remaining_packet_payload}: bytes of the current frame still to come after this piece. */
	long remainingPacketPayload();

	/** {@code lws_frame_is_binary}: whether the message being received is binary. */
	boolean frameIsBinary();

	/** {@code lws_is_first_fragment} (4.x): whether this piece starts a message. */
	boolean isFirstFragment();

	/** {@code lws_is_final_fragment} (4.x): whether this piece ends a message. */
	boolean isFinalFragment();

	/**
	 * {@code lws_rx_flow_control}: {@code false} stops reading from this connection (nothing more is received until
	 * re-enabled), {@code true} resumes. Takes effect after the current callback returns.
	 */
	void rxFlowControl(boolean enable);

	/**
	 * {@code lws_close_reason}: sets the code and reason the peer is told when this callback returns non-zero. The
	 * code must be sendable (1000-1003, 1007-1014, 3000-4999); the reason is cut to 123 UTF-8 bytes.
	 * @throws IllegalArgumentException for a code that must not be sent
	 */
	void closeReason(int code, String reason);

	/** {@code lws_close_reason} with a {@link CloseStatus}. */
	default void closeReason(CloseStatus status, String reason) {
		closeReason(status.code(), reason);
	}

	// ---- timeouts and timers ----

	/** {@code LWS_TO_KILL_ASYNC}: {@link #setTimeout} closes the connection at the next timeout check. */
	int TO_KILL_ASYNC = -1;

	/** {@code LWS_TO_KILL_SYNC}: {@link #setTimeout} closes the connection before it returns. */
	int TO_KILL_SYNC = -2;

	/**
	 * {@code lws_set_timeout}: closes the connection (without a close frame) if it is still in this state after
	 * {@code secs} seconds; {@link PendingTimeout#NO_PENDING_TIMEOUT} cancels. As in libwebsockets, 0 (or
	 * {@link #TO_KILL_ASYNC}) makes the timeout due at once, so it fires at the next check, within a second, and
	 * {@link #TO_KILL_SYNC} closes now. One pending timeout per connection; one-second granularity.
	 */
	void setTimeout(PendingTimeout reason, int secs);

	/**
	 * {@code lws_set_timer_usecs} (4.x): one {@code TIMER} callback after {@code micros} microseconds (millisecond
	 * resolution); a negative value cancels. One timer per connection.
	 */
	void setTimer(long micros);

	// ---- peer and socket ----

	/** {@code lws_get_peer_simple}: the peer's IP address as text, e.g. {@code 127.0.0.1}, or "" for UNIX sockets. */
	String getPeerSimple();

	/** {@code lws_get_peer_addresses}: the peer's host name (reverse lookup) and IP address. */
	PeerAddresses getPeerAddresses();

	/** The peer's socket address, or {@code null} for a UNIX domain socket. */
	InetSocketAddress remoteAddress();

	/** {@code lws_get_socket_fd}: the Java form of the socket descriptor, the connection's channel. */
	Channel getSocketFd();

	/**
	 * Runs {@code task} on this connection's service thread, where it may use the connection; dropped if the
	 * connection has closed by then. Safe from any thread: the way to act on a connection from elsewhere.
	 */
	void post(Runnable task);

	/** Whether this connection has closed (its callbacks are over). Safe from any thread. */
	boolean isClosed();

	/** {@code lws_cancel_service_pt}: wakes this connection's service thread. Safe from any thread. */
	void cancelServicePt();

	/**
	 * {@code lws_set_extension_option}: sets an option of the extension active on this WebSocket connection, for
	 * this connection only ({@code LWS_EXT_CB_NAMED_OPTION_SET}); e.g. {@code ("permessage-deflate",
	 * "compression_level", "9")}.
	 * @return 0 when set; -1 when {@code extension} is not active here or refuses the option or value
	 */
	int setExtensionOption(String extension, String option, String value);

	/**
	 * The extension negotiated on this WebSocket connection and its answered parameters, as sent in
	 * {@code Sec-WebSocket-Extensions} (e.g. {@code permessage-deflate; client_no_context_takeover}), or {@code null}.
	 */
	String negotiatedExtensions();

	// ---- client connections ----

	/** Whether this connection was opened by {@link LwsContext#clientConnect} (it is a client, not a server). */
	boolean isClient();

	/**
	 * {@code lws_get_parent}: the connection given as {@code parent_wsi} when this one was opened, or {@code null}.
	 */
	Lws parent();

	/** {@code lws_get_child}: the client connections opened with this one as their {@code parent_wsi}. */
	java.util.List<Lws> children();

	/**
	 * {@code lws_http_client_http_response}: the status code of the response a client connection received, or 0
	 * before the response head arrived.
	 */
	int httpClientResponse();

	/**
	 * {@code lws_client_http_body_pending}: an HTTP client that sends a body says so, typically from
	 * {@code CLIENT_APPEND_HANDSHAKE_HEADER}, and then gets {@code CLIENT_HTTP_WRITEABLE} callbacks after
	 * {@link #callbackOnWritable()} to {@link #write} the body with {@link WriteProtocol#HTTP} (the last piece with
	 * {@link WriteProtocol#HTTP_FINAL}); the response is read once the body is complete.
	 * @param pending {@code true} while body bytes remain to be written
	 */
	void clientHttpBodyPending(boolean pending);

	/**
	 * {@code lws_http_transaction_completed_client}: after {@code COMPLETED_CLIENT_HTTP}, keep the connection for
	 * another request (on the same server, through {@link #clientReset}) when the server allows it.
	 * @return {@code true} when the connection must close now (the server asked to, or the body ran to the end of
	 * the connection); {@code false} when it is kept, idle, for another request
	 */
	boolean httpTransactionCompletedClient();

	/**
	 * {@code lws_client_reset}: retargets a client connection that is still in HTTP (not upgraded) to a new request,
	 * as following a redirect does. An idle kept-alive connection to the same server, address, port and TLS mode is
	 * reused; otherwise the socket is closed and a new one opened. The callbacks start again from the connection
	 * ({@code CLIENT_APPEND_HANDSHAKE_HEADER}, ...).
	 * @param ssl the {@code ssl_connection} value for the new target
	 * @param address the server's address
	 * @param port the server's port
	 * @param path the request target
	 * @param host the Host header ({@code null} for the address)
	 * @return this connection
	 * @throws IllegalStateException when the connection is not a client or has become a WebSocket
	 */
	Lws clientReset(int ssl, String address, int port, String path, String host);

}

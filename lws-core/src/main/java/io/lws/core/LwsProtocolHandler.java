package io.lws.core;

import java.nio.ByteBuffer;

/**
 * The callback of a protocol: libwebsockets' {@code lws_callback_function}, with one typed method per common
 * callback reason and {@link #callback(Lws, CallbackReason, Object, Object)} for every reason.
 * <p>
 * Implement the typed methods you need; each one's default forwards to {@code callback(...)}, whose default returns
 * 0, so a handler written in the C style (one method with a switch on the reason) works too. The return convention
 * is libwebsockets': 0 to carry on, non-zero to close the connection (or refuse it, for the filter reasons).
 * <p>
 * Threading: every call for a connection is made on that connection's service thread, in order. A method that throws
 * is logged and its connection closed (as if it had returned non-zero); other connections are not affected.
 *
 * @param <S> the per-session state type (libwebsockets' {@code per_session_data_size} allocation): created by
 * {@link #newSession(Lws)} for each WebSocket connection at upgrade and for each HTTP transaction, and passed to every
 * callback of that connection; {@code null} for callbacks that have no connection.
 */
public interface LwsProtocolHandler<S> {

	/**
	 * Creates the state of one session, before {@link CallbackReason#FILTER_PROTOCOL_CONNECTION} for a WebSocket and
	 * before {@link CallbackReason#FILTER_HTTP_CONNECTION} for an HTTP transaction. The C library zero-allocates
	 * {@code per_session_data_size} bytes here; the default returns {@code null} (no state).
	 * @param wsi the connection
	 * @return the new state, or {@code null}
	 */
	default S newSession(Lws wsi) {
		return null;
	}

	/**
	 * Every callback reason arrives here unless a typed method below is overridden for it: the Java form of
	 * {@code lws_callback_function(wsi, reason, user, in, len)}.
	 * @param wsi the connection, or {@code null} for reasons without one ({@code PROTOCOL_INIT/DESTROY})
	 * @param reason why the callback is made
	 * @param session the per-session state, or {@code null}
	 * @param in the reason's argument: a {@link ByteBuffer} for data (valid only during the call), a {@code String}
	 * for URIs and names, an {@link LwsVhost} for protocol init/destroy, a {@link PollArgs} for poll reasons, else
	 * {@code null}
	 * @return 0 to carry on, non-zero to close or refuse
	 */
	default int callback(Lws wsi, CallbackReason reason, S session, Object in) {
		return 0;
	}

	/** {@code LWS_CALLBACK_PROTOCOL_INIT}: once per vhost using the protocol, at start, on a service thread. */
	default int onProtocolInit(LwsVhost vhost) {
		return callback(null, CallbackReason.PROTOCOL_INIT, null, vhost);
	}

	/** {@code LWS_CALLBACK_PROTOCOL_DESTROY}: once per vhost using the protocol, when the context is destroyed. */
	default int onProtocolDestroy(LwsVhost vhost) {
		return callback(null, CallbackReason.PROTOCOL_DESTROY, null, vhost);
	}

	/** {@code LWS_CALLBACK_WSI_CREATE}: a connection was created (to the vhost's first protocol). */
	default int onWsiCreate(Lws wsi) {
		return callback(wsi, CallbackReason.WSI_CREATE, null, null);
	}

	/** {@code LWS_CALLBACK_WSI_DESTROY}: a connection is gone (to the vhost's first protocol); return ignored. */
	default int onWsiDestroy(Lws wsi) {
		return callback(wsi, CallbackReason.WSI_DESTROY, null, null);
	}

	/**
	 * {@code LWS_CALLBACK_FILTER_NETWORK_CONNECTION}: a socket was accepted, before anything is read; return non-zero
	 * to close it at once. Only the peer address is known ({@link Lws#getPeerSimple()}).
	 */
	default int onFilterNetworkConnection(Lws wsi) {
		return callback(wsi, CallbackReason.FILTER_NETWORK_CONNECTION, null, null);
	}

	/** {@code LWS_CALLBACK_SERVER_NEW_CLIENT_INSTANTIATED}: an accepted connection is ready; return ignored. */
	default int onServerNewClientInstantiated(Lws wsi) {
		return callback(wsi, CallbackReason.SERVER_NEW_CLIENT_INSTANTIATED, null, null);
	}

	/**
	 * {@code LWS_CALLBACK_FILTER_HTTP_CONNECTION}: the request headers are parsed and readable through the
	 * {@code hdr*} methods; return non-zero to refuse the request (403 and close).
	 */
	default int onFilterHttpConnection(Lws wsi, S session, String uri) {
		return callback(wsi, CallbackReason.FILTER_HTTP_CONNECTION, session, uri);
	}

	/**
	 * {@code LWS_CALLBACK_HTTP}: a request no mount served, or one for a callback mount ({@code uri} is then the part
	 * after the mountpoint). Answer it ({@link Lws#returnHttpStatus}, {@link Lws#serveHttpFile}, or headers and body
	 * with {@link Lws#write}) or return non-zero to close. When not overridden at all, the request is answered 404.
	 */
	default int onHttp(Lws wsi, S session, String uri) {
		int ret = callback(wsi, CallbackReason.HTTP, session, uri);
		if (ret == 0 && !wsi.isHttpResponseStarted()) {
			return wsi.returnHttpStatus(404, null);
		}
		return ret;
	}

	/** {@code LWS_CALLBACK_HTTP_BODY}: the next piece of the request body (valid only during the call). */
	default int onHttpBody(Lws wsi, S session, ByteBuffer in) {
		return callback(wsi, CallbackReason.HTTP_BODY, session, in);
	}

	/**
	 * {@code LWS_CALLBACK_HTTP_BODY_COMPLETION}: the whole request body was delivered (see
	 * {@link CallbackReason#HTTP_BODY_COMPLETION} for requests without a body).
	 */
	default int onHttpBodyCompletion(Lws wsi, S session) {
		return callback(wsi, CallbackReason.HTTP_BODY_COMPLETION, session, null);
	}

	/**
	 * {@code LWS_CALLBACK_HTTP_WRITEABLE}: the HTTP connection asked for with {@link Lws#callbackOnWritable()} may
	 * write.
	 */
	default int onHttpWriteable(Lws wsi, S session) {
		return callback(wsi, CallbackReason.HTTP_WRITEABLE, session, null);
	}

	/**
	 * {@code LWS_CALLBACK_HTTP_FILE_COMPLETION}: a file started with {@link Lws#serveHttpFile} was sent. Return
	 * non-zero to close; otherwise the transaction completes (keep-alive permitting). The request's headers are
	 * still readable here, except for a file a file mount served: its header buffer went back to the pool once
	 * the head was out.
	 */
	default int onHttpFileCompletion(Lws wsi, S session) {
		return callback(wsi, CallbackReason.HTTP_FILE_COMPLETION, session, null);
	}

	/**
	 * {@code LWS_CALLBACK_CLOSED_HTTP}: an HTTP connection closed; return ignored. To the protocol of the transaction
	 * the connection closes in (one cut short, or the last of a connection not kept alive) with its session, which
	 * {@link #onHttpDropProtocol} then drops; when the connection closes idle between transactions, to the vhost's
	 * first protocol with a {@code null} session (each transaction's session ended with it).
	 */
	default int onClosedHttp(Lws wsi, S session) {
		return callback(wsi, CallbackReason.CLOSED_HTTP, session, null);
	}

	/**
	 * {@code LWS_CALLBACK_HTTP_BIND_PROTOCOL}: an HTTP transaction was bound to this protocol with {@code session};
	 * see {@link CallbackReason#HTTP_BIND_PROTOCOL}. Non-zero closes the connection.
	 */
	default int onHttpBindProtocol(Lws wsi, S session) {
		return callback(wsi, CallbackReason.HTTP_BIND_PROTOCOL, session, null);
	}

	/**
	 * {@code LWS_CALLBACK_HTTP_DROP_PROTOCOL}: the transaction let go of this protocol and {@code session}, however it
	 * ended: the place to free what the session holds. See {@link CallbackReason#HTTP_DROP_PROTOCOL}; return ignored.
	 */
	default int onHttpDropProtocol(Lws wsi, S session) {
		return callback(wsi, CallbackReason.HTTP_DROP_PROTOCOL, session, null);
	}

	/**
	 * {@code LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION}: a WebSocket upgrade to this protocol was parsed, headers still
	 * readable; return non-zero to refuse it.
	 */
	default int onFilterProtocolConnection(Lws wsi, S session, String protocolName) {
		return callback(wsi, CallbackReason.FILTER_PROTOCOL_CONNECTION, session, protocolName);
	}

	/** {@code LWS_CALLBACK_CONFIRM_EXTENSION_OKAY}: may extension {@code name} be used; non-zero refuses it. */
	default int onConfirmExtensionOkay(Lws wsi, S session, String name) {
		return callback(wsi, CallbackReason.CONFIRM_EXTENSION_OKAY, session, name);
	}

	/**
	 * {@code LWS_CALLBACK_CLIENT_CONFIRM_EXTENSION_SUPPORTED}: may a client connection offer extension {@code name};
	 * non-zero leaves it out of the offer. Comes to the vhost's first protocol, with no session.
	 */
	default int onClientConfirmExtensionSupported(Lws wsi, String name) {
		return callback(wsi, CallbackReason.CLIENT_CONFIRM_EXTENSION_SUPPORTED, null, name);
	}

	/** {@code LWS_CALLBACK_ESTABLISHED}: the WebSocket handshake completed. */
	default int onEstablished(Lws wsi, S session) {
		return callback(wsi, CallbackReason.ESTABLISHED, session, null);
	}

	/**
	 * {@code LWS_CALLBACK_RECEIVE}: message data, in pieces of at most the protocol's rx buffer size; see
	 * {@link Lws#remainingPacketPayload()}, {@link Lws#isFinalFragment()} and {@link Lws#frameIsBinary()}. The
	 * buffer is valid only during the call.
	 */
	default int onReceive(Lws wsi, S session, ByteBuffer in) {
		return callback(wsi, CallbackReason.RECEIVE, session, in);
	}

	/** {@code LWS_CALLBACK_RECEIVE_PONG}: a pong arrived (pings are answered by the engine). */
	default int onReceivePong(Lws wsi, S session, ByteBuffer in) {
		return callback(wsi, CallbackReason.RECEIVE_PONG, session, in);
	}

	/**
	 * {@code LWS_CALLBACK_SERVER_WRITEABLE}: the WebSocket asked for with {@link Lws#callbackOnWritable()} may write.
	 */
	default int onServerWriteable(Lws wsi, S session) {
		return callback(wsi, CallbackReason.SERVER_WRITEABLE, session, null);
	}

	/**
	 * {@code LWS_CALLBACK_WS_PEER_INITIATED_CLOSE}: the peer sent a close frame; {@code in} is its payload (code in the
	 * first two bytes, then the reason). Return 0 to echo the close, non-zero to just close.
	 */
	default int onPeerInitiatedClose(Lws wsi, S session, ByteBuffer in) {
		return callback(wsi, CallbackReason.WS_PEER_INITIATED_CLOSE, session, in);
	}

	/** {@code LWS_CALLBACK_CLOSED}: the WebSocket session ended; exactly once per WebSocket. Return ignored. */
	default int onClosed(Lws wsi, S session) {
		return callback(wsi, CallbackReason.CLOSED, session, null);
	}

	/** {@code LWS_CALLBACK_TIMER}: the timer set with {@link Lws#setTimer(long)} expired. */
	default int onTimer(Lws wsi, S session) {
		return callback(wsi, CallbackReason.TIMER, session, null);
	}

	// ---- client connections (LwsContext.clientConnect) ----

	/**
	 * {@code LWS_CALLBACK_CLIENT_CONNECTION_ERROR}: a client connection failed before it was established;
	 * {@code reason} says why (name resolution, refused, timeout, TLS, a bad answer from the server). The connection is
	 * closed after this; nothing else follows.
	 */
	default int onClientConnectionError(Lws wsi, S session, String reason) {
		return callback(wsi, CallbackReason.CLIENT_CONNECTION_ERROR, session, reason);
	}

	/**
	 * {@code LWS_CALLBACK_ADD_HEADERS}: add headers ({@link HttpHeaders#add(String, String)}) to the engine's answer:
	 * a served file, its 304, or the WebSocket upgrade's 101. Non-zero closes the connection instead.
	 */
	default int onAddHeaders(Lws wsi, S session, HttpHeaders headers) {
		return callback(wsi, CallbackReason.ADD_HEADERS, session, headers);
	}

	/**
	 * {@code LWS_CALLBACK_CLIENT_APPEND_HANDSHAKE_HEADER}: add headers to the request being composed (the WebSocket
	 * upgrade or the HTTP request), within the room {@link ClientHandshakeHeaders#remaining()} says.
	 */
	default int onClientAppendHandshakeHeader(Lws wsi, S session, ClientHandshakeHeaders headers) {
		return callback(wsi, CallbackReason.CLIENT_APPEND_HANDSHAKE_HEADER, session, headers);
	}

	/**
	 * {@code LWS_CALLBACK_CLIENT_FILTER_PRE_ESTABLISH}: the server's answer to a WebSocket upgrade was read and
	 * checked; its headers are readable with the {@code hdr*} calls. Non-zero refuses the connection.
	 */
	default int onClientFilterPreEstablish(Lws wsi, S session) {
		return callback(wsi, CallbackReason.CLIENT_FILTER_PRE_ESTABLISH, session, null);
	}

	/** {@code LWS_CALLBACK_CLIENT_ESTABLISHED}: the client WebSocket is open. */
	default int onClientEstablished(Lws wsi, S session) {
		return callback(wsi, CallbackReason.CLIENT_ESTABLISHED, session, null);
	}

	/** {@code LWS_CALLBACK_CLIENT_RECEIVE}: message data from the server, in pieces as for {@link #onReceive}. */
	default int onClientReceive(Lws wsi, S session, ByteBuffer in) {
		return callback(wsi, CallbackReason.CLIENT_RECEIVE, session, in);
	}

	/** {@code LWS_CALLBACK_CLIENT_RECEIVE_PONG}: a pong from the server. */
	default int onClientReceivePong(Lws wsi, S session, ByteBuffer in) {
		return callback(wsi, CallbackReason.CLIENT_RECEIVE_PONG, session, in);
	}

	/**
	 * {@code LWS_CALLBACK_CLIENT_WRITEABLE}: the client WebSocket asked for with {@link Lws#callbackOnWritable()} may
	 * write.
	 */
	default int onClientWriteable(Lws wsi, S session) {
		return callback(wsi, CallbackReason.CLIENT_WRITEABLE, session, null);
	}

	/** {@code LWS_CALLBACK_CLIENT_CLOSED} (4.x; v2 gave {@code CLOSED}): the client WebSocket ended; exactly once. */
	default int onClientClosed(Lws wsi, S session) {
		return callback(wsi, CallbackReason.CLIENT_CLOSED, session, null);
	}

	/**
	 * {@code LWS_CALLBACK_ESTABLISHED_CLIENT_HTTP}: an HTTP client got its response head; the status is
	 * {@link Lws#httpClientResponse()} and the headers are readable with the {@code hdr*} calls. Non-zero closes.
	 */
	default int onEstablishedClientHttp(Lws wsi, S session) {
		return callback(wsi, CallbackReason.ESTABLISHED_CLIENT_HTTP, session, null);
	}

	/**
	 * {@code LWS_CALLBACK_RECEIVE_CLIENT_HTTP}: response body arrived. The engine then reads it for you (what
	 * {@code lws_http_client_read} does) and gives it, de-chunked, to {@link #onReceiveClientHttpRead}.
	 */
	default int onReceiveClientHttp(Lws wsi, S session) {
		return callback(wsi, CallbackReason.RECEIVE_CLIENT_HTTP, session, null);
	}

	/** {@code LWS_CALLBACK_RECEIVE_CLIENT_HTTP_READ}: a piece of the response body; valid only during the call. */
	default int onReceiveClientHttpRead(Lws wsi, S session, ByteBuffer in) {
		return callback(wsi, CallbackReason.RECEIVE_CLIENT_HTTP_READ, session, in);
	}

	/** {@code LWS_CALLBACK_COMPLETED_CLIENT_HTTP}: the whole response body was received. */
	default int onCompletedClientHttp(Lws wsi, S session) {
		return callback(wsi, CallbackReason.COMPLETED_CLIENT_HTTP, session, null);
	}

	/** {@code LWS_CALLBACK_CLOSED_CLIENT_HTTP}: an HTTP client connection that was established is closing. */
	default int onClosedClientHttp(Lws wsi, S session) {
		return callback(wsi, CallbackReason.CLOSED_CLIENT_HTTP, session, null);
	}

	/**
	 * {@code LWS_CALLBACK_CLIENT_HTTP_WRITEABLE}: an HTTP client that said {@link Lws#clientHttpBodyPending(boolean)}
	 * may write body bytes with {@link Lws#write}.
	 */
	default int onClientHttpWriteable(Lws wsi, S session) {
		return callback(wsi, CallbackReason.CLIENT_HTTP_WRITEABLE, session, null);
	}

	/**
	 * {@code LWS_CALLBACK_CLIENT_HTTP_REDIRECT}: the server redirected an HTTP client (or a WebSocket handshake) to
	 * {@code location} (as sent: absolute or relative); return 0 to follow it, non-zero to fail the connection
	 * instead. At most three redirects are followed per connection, as in libwebsockets; the fourth fails it.
	 */
	default int onClientHttpRedirect(Lws wsi, S session, String location) {
		return callback(wsi, CallbackReason.CLIENT_HTTP_REDIRECT, session, location);
	}

}

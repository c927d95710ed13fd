package io.lws.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;

import io.lws.core.service.ContextEngine;

/**
 * The top-level object: libwebsockets' {@code struct lws_context}. It owns the service threads, the vhosts, their
 * listen sockets and every connection. Create it with {@link #create(ContextCreationInfo)} and destroy it with
 * {@link #destroy()}.
 * <p>
 * Threading: methods here are safe from any thread unless they say otherwise.
 */
public interface LwsContext extends AutoCloseable {

	/**
	 * {@code lws_create_context}: creates the context, its service threads and (unless
	 * {@link ServerOption#EXPLICIT_VHOSTS}) its implicit vhost, whose listen socket is bound before this returns.
	 * @param info what to create
	 * @return the running context
	 * @throws LwsException when a port cannot be bound or a setting is inconsistent (the message says which)
	 */
	static LwsContext create(ContextCreationInfo info) {
		return ContextEngine.create(info);
	}

	/**
	 * {@code lws_create_vhost}: adds a vhost, binding its listen socket (or sharing one with a vhost already on the
	 * same port and interface) and calling {@code PROTOCOL_INIT} for each of its protocols.
	 * @throws LwsException when the port cannot be bound or the name is taken
	 */
	LwsVhost createVhost(VhostCreationInfo info);

	/** The vhosts, in creation order. */
	List<LwsVhost> vhosts();

	/** The vhost called {@code name}, or {@code null}. */
	LwsVhost vhost(String name);

	/** The info the context was created from. */
	ContextCreationInfo info();

	/**
	 * {@code lws_service}: for a context created with {@code startServiceThreads(false)}, services pending activity
	 * on the first service thread, waiting at most {@code timeoutMs} (0 returns at once when nothing is pending).
	 * Must always be called from the same thread.
	 * @return 0, or -1 once the context is destroyed
	 * @throws IllegalStateException when the context runs its own service threads
	 */
	int service(long timeoutMs);

	/** {@code lws_service_tsi}: like {@link #service(long)} for service thread {@code tsi}. */
	int serviceTsi(long timeoutMs, int tsi);

	/**
	 * {@code lws_cancel_service}: wakes every service thread and delivers {@code EVENT_WAIT_CANCELLED} to every
	 * protocol of every vhost on each. Safe from any thread.
	 */
	void cancelService();

	/**
	 * Runs {@code task} on service thread {@code tsi}, where it may touch that thread's connections. Safe from any
	 * thread.
	 */
	void post(int tsi, Runnable task);

	/**
	 * {@code lws_callback_on_writable_all_protocol}: a writeable callback for every connection of {@code protocol}, on
	 * any vhost.
	 */
	void callbackOnWritableAllProtocol(LwsProtocol<?> protocol);

	/**
	 * {@code lws_callback_all_protocol}: calls {@code protocol}'s callback with {@code reason} for each of its
	 * connections.
	 */
	void callbackAllProtocol(LwsProtocol<?> protocol, CallbackReason reason);

	/** {@code lws_rx_flow_allow_all_protocol}: re-enables receiving on every connection of {@code protocol}. */
	void rxFlowAllowAllProtocol(LwsProtocol<?> protocol);

	/** {@code lws_context_user}: the {@code user} object given at creation. */
	Object contextUser();

	/**
	 * {@code lws_client_connect_via_info}: opens a client connection (WebSocket, or an HTTP request when
	 * {@link ClientConnectInfo#method()} is set) and returns its handle at once. Name resolution and the connect run
	 * without blocking any thread that calls; the outcome arrives as callbacks to the bound protocol:
	 * {@code CLIENT_ESTABLISHED} (or {@code ESTABLISHED_CLIENT_HTTP}), or {@code CLIENT_CONNECTION_ERROR} with a
	 * reason. Safe from any thread; the connection lives on the caller's service thread when called from one (on the
	 * parent's with {@code parent_wsi}), otherwise on the least busy.
	 * @param info where and how to connect
	 * @return the connection; use it only from its callbacks (or through the thread-safe calls)
	 * @throws IllegalArgumentException when {@code info} names a vhost of another context
	 * @throws IllegalStateException when the context is destroyed
	 */
	Lws clientConnect(ClientConnectInfo info);

	/**
	 * {@code lws_client_connect} (deprecated in libwebsockets too): the positional form of
	 * {@link #clientConnect(ClientConnectInfo)}.
	 * @deprecated use {@link #clientConnect(ClientConnectInfo)}
	 */
	@Deprecated
	default Lws clientConnect(String address, int port, int sslConnection, String path, String host, String origin,
			String protocol, int ietfVersionOrMinusOne) {
		return clientConnectExtended(address, port, sslConnection, path, host, origin, protocol,
				ietfVersionOrMinusOne, null);
	}

	/**
	 * {@code lws_client_connect_extended} (deprecated in libwebsockets too): {@link #clientConnect(String, int, int,
	 * String, String, String, String, int)} with the session object.
	 * @deprecated use {@link #clientConnect(ClientConnectInfo)}
	 */
	@Deprecated
	default Lws clientConnectExtended(String address, int port, int sslConnection, String path, String host,
			String origin, String protocol, int ietfVersionOrMinusOne, Object userdata) {
		return clientConnect(ClientConnectInfo.builder().address(address).port(port).sslConnection(sslConnection)
			.path(path).host(host).origin(origin).protocol(protocol).ietfVersionOrMinusOne(ietfVersionOrMinusOne)
			.userdata(userdata).build());
	}

	/**
	 * {@code lws_canonical_hostname}: this host's name as {@code gethostname()} gives it, without a DNS lookup, as in
	 * libwebsockets 4.x ("unknown" if it has none; "" with {@link ServerOption#SKIP_SERVER_CANONICAL_NAME}).
	 */
	String canonicalHostname();

	/**
	 * {@code lws_adopt_socket}: takes over an already-connected socket as if a listen socket of the first vhost had
	 * accepted it, in HTTP serving mode. On failure the socket is closed and an exception thrown.
	 */
	Lws adoptSocket(SocketChannel channel) throws IOException;

	/**
	 * {@code lws_adopt_socket_readbuf}: as {@link #adoptSocket}, with bytes already read from the socket, which are
	 * processed before anything read later. At most {@code max_http_header_data} bytes.
	 */
	Lws adoptSocketReadbuf(SocketChannel channel, ByteBuffer readbuf) throws IOException;

	/** The number of service threads. */
	int countThreads();

	/** A snapshot of the header pool: size, in use, waiting connections. */
	HeaderPoolStats headerPoolStats();

	/** The number of open connections. */
	int connectionCount();

	/**
	 * Starts a graceful shutdown: listen sockets close (nothing new is accepted), idle HTTP connections close, HTTP
	 * transactions in flight finish and then close, and every WebSocket is sent close 1001 (going away) and given
	 * until its close handshake completes. Follow with {@link #destroy()} once the returned future completes or your
	 * deadline passes; destroy closes whatever is left. Safe from any thread; idempotent.
	 * @return a future completed when no connection is left
	 */
	java.util.concurrent.CompletableFuture<Void> shutdownGracefully();

	/** Whether {@link #destroy()} has been called. */
	boolean isDestroyed();

	/**
	 * {@code lws_context_destroy}: closes every connection (WebSockets with 1001 going away), calls
	 * {@code PROTOCOL_DESTROY}, stops the service threads and closes the listen sockets. Idempotent.
	 */
	void destroy();

	/** Same as {@link #destroy()}. */
	@Override
	default void close() {
		destroy();
	}

	/** {@code lws_get_library_version}: this library's version, e.g. {@code "0.1.0 lws-java"}. */
	static String getLibraryVersion() {
		return LibraryVersion.VERSION;
	}

}

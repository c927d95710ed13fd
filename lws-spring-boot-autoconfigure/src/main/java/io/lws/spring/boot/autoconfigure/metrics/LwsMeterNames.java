package io.lws.spring.boot.autoconfigure.metrics;

/**
 * The names of the lws meters, documented in {@code docs/metrics.md}. All start with {@code lws.}; units are base
 * units (bytes, seconds).
 */
public final class LwsMeterNames {

	/** Gauge, tag {@code vhost}: open connections ({@code LwsVhost.connectionCount()}). */
	public static final String CONNECTIONS_ACTIVE = "lws.connections.active";

	/** Counter, tag {@code vhost}: connections accepted or adopted. */
	public static final String CONNECTIONS_OPENED = "lws.connections.opened";

	/** Counter, tag {@code vhost}: connections closed. */
	public static final String CONNECTIONS_CLOSED = "lws.connections.closed";

	/** Timer, tag {@code vhost}: connection lifetimes, recorded at close. */
	public static final String CONNECTIONS_DURATION = "lws.connections.duration";

	/** Gauge: header buffers in all ({@code max_http_header_pool}). */
	public static final String HEADER_POOL_MAX = "lws.http.header.pool.max";

	/** Gauge: header buffers held by connections. */
	public static final String HEADER_POOL_ACTIVE = "lws.http.header.pool.active";

	/** Gauge: free header buffers. */
	public static final String HEADER_POOL_IDLE = "lws.http.header.pool.idle";

	/** Gauge: connections waiting for a header buffer. */
	public static final String HEADER_POOL_PENDING = "lws.http.header.pool.pending";

	/** Timer: how long connections waited for a header buffer. */
	public static final String HEADER_POOL_ACQUIRE = "lws.http.header.pool.acquire";

	/** Counter, unit bytes: bytes read from sockets. */
	public static final String BYTES_RECEIVED = "lws.bytes.received";

	/** Counter, unit bytes: bytes written to sockets. */
	public static final String BYTES_SENT = "lws.bytes.sent";

	/** Counter, tag {@code protocol}: whole WebSocket messages received. */
	public static final String MESSAGES_RECEIVED = "lws.ws.messages.received";

	/** Counter, tag {@code protocol}: whole WebSocket messages sent. */
	public static final String MESSAGES_SENT = "lws.ws.messages.sent";

	/** Counter, tags {@code vhost}, {@code result}: WebSocket handshakes. */
	public static final String HANDSHAKES = "lws.ws.handshakes";

	/** Counter, tags {@code vhost}, {@code result}: TLS handshakes on TLS ports. */
	public static final String TLS_HANDSHAKES = "lws.tls.handshakes";

	/** Counter, tags {@code protocol}, {@code code}, {@code initiator}: WebSocket closes. */
	public static final String CLOSES = "lws.ws.closes";

	/** Counter: writeable callbacks requested ({@code lws_callback_on_writable}). */
	public static final String WRITABLE_REQUESTS = "lws.writable.requests";

	/** Counter, tag {@code reason}: pending timeouts that closed a connection ({@code lws_set_timeout}). */
	public static final String TIMEOUTS = "lws.timeouts";

	/** Counter, tags {@code vhost}, {@code status}: HTTP responses the engine generated itself. */
	public static final String HTTP_RESPONSES = "lws.http.responses";

	/** Gauge: service threads ({@code count_threads}). */
	public static final String SERVICE_THREADS = "lws.service.threads";

	/** Gauge: service threads whose loop is alive. */
	public static final String SERVICE_THREADS_ALIVE = "lws.service.threads.alive";

	private LwsMeterNames() {
	}

}

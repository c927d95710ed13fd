package io.lws.core.metrics;

/**
 * Receives the engine's measurements. Implementations must be thread-safe and cheap: methods are called on service
 * threads, some of them (messages, HTTP responses) on the hot path. Bytes and writeable requests are summed by each
 * service thread and reported once per pass of its loop, not per read or write. Every method has an empty default,
 * so an implementation records only what it wants. Tags passed here are bounded: vhost and protocol names, reasons
 * and codes from enums.
 */
public interface MetricsRecorder {

	/** A recorder that records nothing (the default). */
	MetricsRecorder NONE = new MetricsRecorder() {
	};

	/** A connection was accepted or adopted on {@code vhost}. */
	default void connectionOpened(String vhost) {
	}

	/**
	 * A connection to {@code vhost} was refused: {@code limit} when every service thread already has
	 * {@code fd_limit_per_thread} connections (the socket is closed unread and never counted as opened),
	 * {@code filtered} when {@code LWS_CALLBACK_FILTER_NETWORK_CONNECTION} refused it (after it was counted as opened).
	 */
	default void connectionRejected(String vhost, String reason) {
	}

	/** A connection on {@code vhost} closed after {@code durationNanos}. */
	default void connectionClosed(String vhost, long durationNanos) {
	}

	/** {@code bytes} were read from sockets by one service thread since its last report (once per pass). */
	default void bytesIn(long bytes) {
	}

	/** {@code bytes} were written to sockets by one service thread since its last report (once per pass). */
	default void bytesOut(long bytes) {
	}

	/** A whole WebSocket message arrived on {@code protocol}. */
	default void messageIn(String protocol) {
	}

	/** A whole WebSocket message was written on {@code protocol}. */
	default void messageOut(String protocol) {
	}

	/** A WebSocket handshake on {@code vhost} ended with {@code result} ("success" or a failure reason). */
	default void handshake(String vhost, String result) {
	}

	/**
	 * A TLS handshake on {@code vhost} ended with {@code result}: {@code ok}, {@code failed} (bad handshake,
	 * refused certificate), {@code aborted} (the peer left) or {@code not_tls} (plain bytes on a TLS port).
	 */
	default void tlsHandshake(String vhost, String result) {
	}

	/** A WebSocket closed with {@code code}, started by {@code initiator} ("local" or "remote"). */
	default void webSocketClosed(String protocol, int code, String initiator) {
	}

	/** A pending timeout of kind {@code reason} closed a connection. */
	default void timeout(String reason) {
	}

	/**
	 * {@code count} writeable callbacks ({@code lws_callback_on_writable}) were requested on one service thread since
	 * its last report (once per pass).
	 */
	default void writableRequested(long count) {
	}

	/** A connection waited {@code nanos} for a header buffer. */
	default void headerWait(long nanos) {
	}

	/**
	 * A connection gave its header buffer back to the pool after holding it {@code nanos}: from when it got the
	 * buffer (at its first bytes, or when a waited-for buffer was handed to it) to the end of the request's headers'
	 * use (the answer's head written for a file, the transaction's end, the upgrade, or the close).
	 */
	default void headerHeld(long nanos) {
	}

	/** An HTTP request ended with {@code status} (for the engine's own answers: mounts, errors). */
	default void httpResponse(String vhost, int status) {
	}

}

package io.lws.core.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The bytes between a connection and its socket: plain ({@link PlainTransport}) or TLS ({@link TlsTransport}). The
 * HTTP and WebSocket roles see application bytes only; whether they travel encrypted is this interface's business.
 * Used the same way by server and client connections.
 * <p>
 * Not thread-safe: a transport is used on its connection's service thread only. Nothing here blocks unless the
 * socket channel itself is in blocking mode (as in tests and simple clients).
 */
public interface Transport {

	/**
	 * Reads application bytes into {@code dst}, at most one socket read per call.
	 * @param dst where the bytes go; at least {@link #minReadBuffer()} bytes of room
	 * @return bytes read, 0 when none are available now, -1 at the end of the stream
	 * @throws IOException when the socket fails or the peer breaks the protocol (for TLS an alert has been sent)
	 */
	int read(ByteBuffer dst) throws IOException;

	/**
	 * Writes application bytes, as many as the socket takes now (a gathering write where the transport can).
	 * @return how many bytes of {@code srcs} were taken; those not taken stay in {@code srcs}
	 * @throws IOException when the socket fails
	 */
	long write(ByteBuffer[] srcs) throws IOException;

	/** {@link #write(ByteBuffer[])} for one buffer. */
	default long write(ByteBuffer src) throws IOException {
		return write(new ByteBuffer[] { src });
	}

	/**
	 * Sends what the transport holds itself (TLS records the socket did not take).
	 * @return true when nothing is left
	 * @throws IOException when the socket fails
	 */
	boolean flush() throws IOException;

	/** Bytes the transport holds waiting for the socket (0 for plain). */
	int pendingOutput();

	/**
	 * Whether {@link #read} has something to return without the socket being readable: TLS records already received,
	 * or the end of the stream a close_notify among them announced.
	 */
	boolean hasBufferedInput();

	/** Whether application bytes can flow: always for plain, after the handshake for TLS. */
	boolean isReady();

	/**
	 * Whether the transport waits for work done off the service thread (TLS delegated tasks). It wants no I/O
	 * until it calls back.
	 */
	boolean isBusy();

	/** Whether {@code FileChannel.transferTo} straight to {@link #channel()} sends file bytes correctly: plain only. */
	boolean supportsTransferTo();

	/** The smallest room {@link #read} needs in its destination. */
	int minReadBuffer();

	/** {@code lws_is_ssl}: 0 plain, 1 TLS with a checked peer (or a server), 2 TLS with an unchecked peer. */
	int isSsl();

	/** The socket. */
	SocketChannel channel();

	/**
	 * Says goodbye as the protocol wants (TLS {@code close_notify}, best effort, never blocking) and closes the socket.
	 */
	void close();

}

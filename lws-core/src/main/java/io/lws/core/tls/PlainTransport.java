package io.lws.core.tls;

import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A {@link Transport} that passes bytes straight through: gathering writes and {@code transferTo} included. A
 * non-blocking socket reads with {@code recv(2)} and writes one buffer with {@code send(2)}, as libwebsockets does,
 * where {@link SocketSyscalls} can make those calls; otherwise, and for blocking sockets (whose reads a close from
 * another thread must be able to end), through the channel.
 */
public final class PlainTransport implements Transport {

	/** Room for a heap buffer's bytes on their way to {@code send(2)}, one per thread that writes. */
	private static final ThreadLocal<ByteBuffer> SEND_SCRATCH = ThreadLocal
		.withInitial(() -> ByteBuffer.allocateDirect(64 * 1024));

	private final SocketChannel channel;

	/** The socket's descriptor for {@code recv}/{@code send}, or {@code null} to use the channel. */
	private final FileDescriptor fd;

	/**
	 * A transport over {@code channel}.
	 * @param channel the connection's socket
	 */
	public PlainTransport(SocketChannel channel) {
		this.channel = channel;
		this.fd = SocketSyscalls.fd(channel);
	}

	@Override
	public int read(ByteBuffer dst) throws IOException {
		if (this.fd != null && dst.isDirect() && !this.channel.isBlocking()) {
			return SocketSyscalls.recv(this.fd, dst);
		}
		return this.channel.read(dst);
	}

	@Override
	public long write(ByteBuffer[] srcs) throws IOException {
		return this.channel.write(srcs);
	}

	@Override
	public long write(ByteBuffer src) throws IOException {
		if (this.fd == null || this.channel.isBlocking()) {
			return this.channel.write(src);
		}
		// hasArray() is final and answers for the echo's heap buffers without a virtual call: isDirect() is not,
		// and once a server has written heap, direct and mapped (read-only direct) buffers here, C2 can no longer
		// inline it (performance.md, section 54); behind hasArray() it sees the direct kinds only
		if (!src.hasArray() && src.isDirect()) {
			return SocketSyscalls.send(this.fd, src);
		}
		// the JDK copies a heap buffer into a direct one for its write too
		ByteBuffer scratch = SEND_SCRATCH.get();
		int len = Math.min(src.remaining(), scratch.capacity());
		scratch.clear().put(0, src, src.position(), len).limit(len);
		int n = SocketSyscalls.send(this.fd, scratch);
		src.position(src.position() + n);
		return n;
	}

	@Override
	public boolean flush() {
		return true;
	}

	@Override
	public int pendingOutput() {
		return 0;
	}

	@Override
	public boolean hasBufferedInput() {
		return false;
	}

	@Override
	public boolean isReady() {
		return true;
	}

	@Override
	public boolean isBusy() {
		return false;
	}

	@Override
	public boolean supportsTransferTo() {
		return true;
	}

	@Override
	public int minReadBuffer() {
		return 1;
	}

	@Override
	public int isSsl() {
		return 0;
	}

	@Override
	public SocketChannel channel() {
		return this.channel;
	}

	@Override
	public void close() {
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	@Override
	public String toString() {
		return "PlainTransport";
	}

}

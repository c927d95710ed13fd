package io.lws.core.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** A {@link Transport} that passes bytes straight through: gathering writes and {@code transferTo} included. */
public final class PlainTransport implements Transport {

	private final SocketChannel channel;

	/**
	 * A transport over {@code channel}.
	 * @param channel the connection's socket
	 */
	public PlainTransport(SocketChannel channel) {
		this.channel = channel;
	}

	@Override
	public int read(ByteBuffer dst) throws IOException {
		return this.channel.read(dst);
	}

	@Override
	public long write(ByteBuffer[] srcs) throws IOException {
		return this.channel.write(srcs);
	}

	@Override
	public long write(ByteBuffer src) throws IOException {
		return this.channel.write(src);
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

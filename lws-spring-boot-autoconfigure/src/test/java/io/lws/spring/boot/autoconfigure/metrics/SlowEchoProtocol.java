package io.lws.spring.boot.autoconfigure.metrics;

import java.nio.ByteBuffer;

import io.lws.core.Lws;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.WriteProtocol;
import io.lws.spring.boot.autoconfigure.LwsProtocol;

/**
 * A test protocol whose callback blocks its service thread before it echoes, as a callback that does blocking I/O
 * would.
 */
@LwsProtocol(name = "slow-echo")
public class SlowEchoProtocol implements LwsProtocolHandler<Void> {

	/** How long each receive blocks the service thread. */
	static final long BLOCK_MILLIS = 400;

	@Override
	public int onReceive(Lws wsi, Void session, ByteBuffer in) {
		try {
			Thread.sleep(BLOCK_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
		ByteBuffer copy = ByteBuffer.allocate(in.remaining());
		copy.put(in).flip();
		return (wsi.write(copy, WriteProtocol.TEXT) < 0) ? -1 : 0;
	}

}

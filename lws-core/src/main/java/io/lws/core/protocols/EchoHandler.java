package io.lws.core.protocols;

import java.nio.ByteBuffer;

import io.lws.core.Lws;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.WriteProtocol;

/**
 * An echo protocol: every message comes back unchanged, text as text and binary as binary. Each received piece goes
 * out at once as a fragment of the same message, so a message of any size streams through in {@code rx_buffer_size}
 * pieces without being assembled; when the peer reads slower than it writes, receiving pauses
 * ({@code lws_rx_flow_control}) until the output has drained, which is how an lws application streams without growing
 * its buffers. Stateless: one instance serves every connection.
 */
public class EchoHandler implements LwsProtocolHandler<Void> {

	@Override
	public int onReceive(Lws wsi, Void session, ByteBuffer in) {
		WriteProtocol wp = !wsi.isFirstFragment() ? WriteProtocol.CONTINUATION
				: (wsi.frameIsBinary() ? WriteProtocol.BINARY : WriteProtocol.TEXT);
		if (wsi.write(in, wp, wsi.isFinalFragment()) < 0) {
			return -1;
		}
		if (wsi.partialBuffered()) {
			wsi.rxFlowControl(false);
			wsi.callbackOnWritable();
		}
		return 0;
	}

	@Override
	public int onServerWriteable(Lws wsi, Void session) {
		wsi.rxFlowControl(true);
		return 0;
	}

}

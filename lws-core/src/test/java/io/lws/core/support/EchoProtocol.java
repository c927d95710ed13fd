package io.lws.core.support;

import java.nio.ByteBuffer;

import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.WriteProtocol;

/**
 * The echo protocol the conformance tests use: each received piece goes straight back out as a fragment of the same
 * message (text stays text, binary stays binary). When output backs up it stops reading until the socket drains,
 * which is how an lws application streams without growing its buffers.
 */
public final class EchoProtocol implements LwsProtocolHandler<Object> {

	public static LwsProtocol<Object> create(int rxBufferSize) {
		return LwsProtocol.builder("echo", new EchoProtocol()).rxBufferSize(rxBufferSize).build();
	}

	@Override
	public int onReceive(Lws wsi, Object session, ByteBuffer in) {
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
	public int onServerWriteable(Lws wsi, Object session) {
		wsi.rxFlowControl(true);
		return 0;
	}

}

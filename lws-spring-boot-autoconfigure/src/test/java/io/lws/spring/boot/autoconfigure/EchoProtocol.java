package io.lws.spring.boot.autoconfigure;

import java.nio.ByteBuffer;

import io.lws.core.Lws;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.WriteProtocol;

/**
 * A test protocol that echoes each received piece back as one text message.
 */
@LwsProtocol(name = "echo", rxBufferSize = 4096)
public class EchoProtocol implements LwsProtocolHandler<Void> {

	@Override
	public int onReceive(Lws wsi, Void session, ByteBuffer in) {
		ByteBuffer copy = ByteBuffer.allocate(in.remaining());
		copy.put(in).flip();
		return (wsi.write(copy, wsi.frameIsBinary() ? WriteProtocol.BINARY : WriteProtocol.TEXT) < 0) ? -1 : 0;
	}

}

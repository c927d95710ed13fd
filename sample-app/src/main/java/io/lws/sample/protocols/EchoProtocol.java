package io.lws.sample.protocols;

import io.lws.core.protocols.EchoHandler;
import io.lws.spring.boot.autoconfigure.LwsProtocol;

/**
 * {@code echo}: every message comes back unchanged (text stays text, binary stays binary; fragmentation may differ),
 * streamed in pieces with flow control. Used by conformance and load runs.
 */
@LwsProtocol(name = EchoProtocol.NAME, rxBufferSize = 4096)
public class EchoProtocol extends EchoHandler {

	/** The protocol name clients ask for. */
	public static final String NAME = "echo";

}

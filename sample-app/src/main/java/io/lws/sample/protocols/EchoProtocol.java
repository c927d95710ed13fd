package io.lws.sample.protocols;

import io.lws.core.protocols.EchoHandler;
import io.lws.spring.boot.autoconfigure.LwsProtocol;

/**
 * {@code echo}: every message comes back unchanged (text stays text, binary stays binary; fragmentation may differ),
 * streamed in pieces with flow control. Used by conformance and load runs.
 * <p>
 * Pieces of 16 KiB: each piece costs a callback, a frame and a copy into the output, and a piece that straddles two
 * of the service thread's reads (256 KiB in the starter) is copied once more and waits for the second. A 1 MiB echo
 * costs the server about a sixth less CPU with 16 KiB pieces than with 4 KiB, and over a third less than with 64 KiB,
 * which straddle reads more often (docs/performance.md, section 58).
 */
@LwsProtocol(name = EchoProtocol.NAME, rxBufferSize = EchoProtocol.RX_BUFFER_SIZE)
public class EchoProtocol extends EchoHandler {

	/** The protocol name clients ask for. */
	public static final String NAME = "echo";

	/** The largest piece of a message one {@code RECEIVE} gets ({@code rx_buffer_size}). */
	public static final int RX_BUFFER_SIZE = 16 * 1024;

}

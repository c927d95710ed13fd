package io.lws.sample.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.lws.core.Lws;
import io.lws.core.LwsProtocolHandler;

/**
 * What both WebSocket connections of a run do alike: report errors, establishment and closes to the
 * {@link WebSocketRun}, hand on messages as text (whole: the protocols are registered with
 * {@link #MAX_MESSAGE whole-message delivery}), close from the writeable callback once the run is closing, and
 * remember how the server closed. One instance serves one connection, on its service thread.
 */
abstract class WebSocketClientProtocol implements LwsProtocolHandler<Object> {

	/** The run this connection belongs to. */
	final WebSocketRun run;

	/**
	 * The largest message taken whole; a larger one closes the connection with 1009. The mirror relays at most 4096
	 * bytes at a time, numbers are short.
	 */
	static final int MAX_MESSAGE = 64 * 1024;

	private final String name;

	private String peerClose;

	WebSocketClientProtocol(WebSocketRun run, String name) {
		this.run = run;
		this.name = name;
	}

	/** The subprotocol this connection asks for. */
	String name() {
		return this.name;
	}

	/** The connection is open. */
	abstract void established(Lws wsi);

	/** A whole text message arrived. */
	abstract void message(Lws wsi, String text);

	/** The connection may write (and the run is not closing). */
	abstract void writeable(Lws wsi);

	@Override
	public int onClientConnectionError(Lws wsi, Object session, String reason) {
		this.run.connectionError(this.name, reason);
		return 0;
	}

	@Override
	public int onClientEstablished(Lws wsi, Object session) {
		this.run.established(this.name, wsi);
		established(wsi);
		return 0;
	}

	@Override
	public int onClientReceive(Lws wsi, Object session, ByteBuffer in) {
		message(wsi, StandardCharsets.UTF_8.decode(in).toString());
		return 0;
	}

	@Override
	public int onClientWriteable(Lws wsi, Object session) {
		if (this.run.closing()) {
			// the close reason was set when the run started closing
			return -1;
		}
		writeable(wsi);
		return 0;
	}

	@Override
	public int onPeerInitiatedClose(Lws wsi, Object session, ByteBuffer in) {
		ByteBuffer b = in.duplicate();
		if (b.remaining() >= 2) {
			int code = b.getShort() & 0xFFFF;
			String reason = StandardCharsets.UTF_8.decode(b).toString();
			this.peerClose = code + (reason.isEmpty() ? "" : " '" + reason + "'");
		}
		else {
			this.peerClose = "no status";
		}
		return 0;
	}

	@Override
	public int onClientClosed(Lws wsi, Object session) {
		this.run.closed(this.name, wsi, this.peerClose);
		return 0;
	}

}

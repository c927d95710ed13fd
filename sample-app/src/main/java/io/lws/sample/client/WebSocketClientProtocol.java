package io.lws.sample.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;

/**
 * What the WebSocket connections of a run do alike: report errors, establishment and closes to the
 * {@link WebSocketRun}, hand on what arrives, close from the writeable callback once the run is closing, and remember
 * how the server closed. The session of each connection is its {@link WebSocketConnection} (given as
 * {@code userdata}), so one instance can serve several connections of its protocol; callbacks run on the service
 * thread.
 */
abstract class WebSocketClientProtocol implements LwsProtocolHandler<WebSocketConnection> {

	/** The run this protocol's connections belong to. */
	final WebSocketRun run;

	/**
	 * The largest message taken whole by the protocols that read text messages; a larger one closes the connection
	 * with 1009. The mirrors relay circles, and numbers are short.
	 */
	static final int MAX_MESSAGE = 64 * 1024;

	private final String name;

	WebSocketClientProtocol(WebSocketRun run, String name) {
		this.run = run;
		this.name = name;
	}

	/** The subprotocol its connections ask for. */
	String name() {
		return this.name;
	}

	/**
	 * How the vhost registers it: by default with whole-message delivery up to {@link #MAX_MESSAGE}, so
	 * {@link #received} gets each text message whole, and with UTF-8 validation.
	 */
	LwsProtocol<WebSocketConnection> protocol() {
		return LwsProtocol.builder(this.name, this).wholeMessages(MAX_MESSAGE).build();
	}

	/** The connection is open. */
	abstract void established(Lws wsi, WebSocketConnection c);

	/** Data arrived: a whole message, or a piece of one when {@link #protocol()} does not ask for whole messages. */
	abstract void received(Lws wsi, WebSocketConnection c, ByteBuffer in);

	/** The connection may write (and the run is not closing). */
	abstract void writeable(Lws wsi, WebSocketConnection c);

	/** A text message as a String. */
	static String text(ByteBuffer in) {
		return StandardCharsets.UTF_8.decode(in).toString();
	}

	@Override
	public int onClientConnectionError(Lws wsi, WebSocketConnection c, String reason) {
		this.run.fail(c, reason);
		return 0;
	}

	@Override
	public int onClientEstablished(Lws wsi, WebSocketConnection c) {
		this.run.established(c, wsi);
		established(wsi, c);
		return 0;
	}

	@Override
	public int onClientReceive(Lws wsi, WebSocketConnection c, ByteBuffer in) {
		received(wsi, c, in);
		return 0;
	}

	@Override
	public int onClientWriteable(Lws wsi, WebSocketConnection c) {
		if (this.run.closing()) {
			// the close reason was set when the run started closing
			return -1;
		}
		writeable(wsi, c);
		return 0;
	}

	@Override
	public int onPeerInitiatedClose(Lws wsi, WebSocketConnection c, ByteBuffer in) {
		ByteBuffer b = in.duplicate();
		if (b.remaining() >= 2) {
			int code = b.getShort() & 0xFFFF;
			String reason = StandardCharsets.UTF_8.decode(b).toString();
			c.peerClosed(code + (reason.isEmpty() ? "" : " '" + reason + "'"));
		}
		else {
			c.peerClosed("no status");
		}
		return 0;
	}

	@Override
	public int onClientClosed(Lws wsi, WebSocketConnection c) {
		this.run.closed(c);
		return 0;
	}

}

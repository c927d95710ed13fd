package io.lws.sample.client;

import java.nio.ByteBuffer;

import io.lws.core.Lws;

/**
 * The client side of {@code dumb-increment-protocol}: logs every number the server counts up, as
 * {@code libwebsockets-test-client} does at {@code -d 15}; it sends nothing. One instance serves all the run's
 * connections of this protocol (three with {@code --multi-test}).
 */
final class DumbIncrementClient extends WebSocketClientProtocol {

	/** The subprotocol name. */
	static final String NAME = "dumb-increment-protocol";

	DumbIncrementClient(WebSocketRun run) {
		super(run, NAME);
	}

	@Override
	void established(Lws wsi, WebSocketConnection c) {
		// the server starts counting by itself
	}

	@Override
	void received(Lws wsi, WebSocketConnection c, ByteBuffer in) {
		this.run.increment(c, text(in).strip());
	}

	@Override
	void writeable(Lws wsi, WebSocketConnection c) {
		// only asked for to close
	}

}

package io.lws.sample.client;

import io.lws.core.Lws;

/**
 * The client side of {@code dumb-increment-protocol}: logs every number the server counts up, as
 * {@code libwebsockets-test-client} does at {@code -d 15}; it sends nothing.
 */
final class DumbIncrementClient extends WebSocketClientProtocol {

	/** The subprotocol name. */
	static final String NAME = "dumb-increment-protocol";

	DumbIncrementClient(WebSocketRun run) {
		super(run, NAME);
	}

	@Override
	void established(Lws wsi) {
		// the server starts counting by itself
	}

	@Override
	void message(Lws wsi, String text) {
		this.run.increment(text.strip());
	}

	@Override
	void writeable(Lws wsi) {
		// only asked for to close
	}

}

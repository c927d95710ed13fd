package io.lws.sample.client;

import java.nio.ByteBuffer;
import java.util.random.RandomGenerator;

import io.lws.core.Lws;
import io.lws.core.WriteProtocol;

/**
 * The client side of {@code lws-mirror-protocol}: draws random circles ({@link Circle}) and logs everything the mirror
 * relays, its own circles and other members' drawings alike. Like {@code libwebsockets-test-client} it sends one circle
 * per writeable callback, but it asks for the next one only when its last circle has come back, so a single circle is
 * in flight and the pace is the server's round trip. One instance serves the run's single mirror connection.
 */
final class MirrorClient extends WebSocketClientProtocol {

	/** The subprotocol name. */
	static final String NAME = "lws-mirror-protocol";

	private final RandomGenerator random;

	/** The last circle sent and not yet seen back, or {@code null}. */
	private String inFlight;

	MirrorClient(WebSocketRun run, RandomGenerator random) {
		super(run, NAME);
		this.random = random;
	}

	@Override
	void established(Lws wsi, WebSocketConnection c) {
		wsi.callbackOnWritable();
	}

	@Override
	void writeable(Lws wsi, WebSocketConnection c) {
		if (this.inFlight != null) {
			return;
		}
		String circle = Circle.random(this.random).message();
		if (wsi.write(circle, WriteProtocol.TEXT) < 0) {
			return;
		}
		this.inFlight = circle;
	}

	@Override
	void received(Lws wsi, WebSocketConnection c, ByteBuffer in) {
		String text = text(in);
		boolean own = text.equals(this.inFlight);
		if (own) {
			this.inFlight = null;
		}
		this.run.mirrored(c, text, own);
		if (own && !this.run.closing()) {
			wsi.callbackOnWritable();
		}
	}

}

package io.lws.sample.client;

import java.nio.ByteBuffer;

import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.WriteProtocol;

/**
 * The echo test of {@code libwebsockets-test-client --echo} on {@code lws-mirror-protocol}: sends
 * {@link EchoPattern#BLOCKS} TEXT messages of {@link EchoPattern#BLOCK_SIZE} pseudo-random bytes, one per writeable
 * callback, and checks that the mirror sends the same bytes back in the same order ({@link EchoCheck}). The run ends
 * when all have come back, and fails at the first difference. One instance serves the run's single connection.
 */
final class EchoClient extends WebSocketClientProtocol {

	private final EchoPattern sending = new EchoPattern();

	private final EchoCheck check = new EchoCheck();

	private int sent;

	EchoClient(WebSocketRun run) {
		super(run, MirrorClient.NAME);
	}

	/**
	 * Without UTF-8 validation, since what comes back is not UTF-8 (the engine would fail it with 1007), and in
	 * pieces as they arrive: only the byte stream is compared, so whole messages would only cost memory and a limit.
	 */
	@Override
	LwsProtocol<WebSocketConnection> protocol() {
		return LwsProtocol.builder(name(), this).validateUtf8(false).build();
	}

	@Override
	void established(Lws wsi, WebSocketConnection c) {
		wsi.callbackOnWritable();
	}

	@Override
	void writeable(Lws wsi, WebSocketConnection c) {
		if (this.sent == EchoPattern.BLOCKS) {
			return;
		}
		if (wsi.write(ByteBuffer.wrap(this.sending.nextBlock()), WriteProtocol.TEXT) < 0) {
			// the connection is failing: its close ends the run
			return;
		}
		this.sent++;
		if (this.sent == EchoPattern.BLOCKS) {
			this.run.echoSent(EchoPattern.BLOCKS, EchoPattern.BLOCK_SIZE);
		}
		else {
			wsi.callbackOnWritable();
		}
	}

	@Override
	void received(Lws wsi, WebSocketConnection c, ByteBuffer in) {
		if (this.run.closing()) {
			// decided already: a mismatch or the end
			return;
		}
		String mismatch = this.check.accept(in);
		if (mismatch != null) {
			this.run.fail(c, mismatch);
		}
		else if (this.check.complete()) {
			this.run.echoedWhole();
		}
	}

}

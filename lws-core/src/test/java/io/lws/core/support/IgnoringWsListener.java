package io.lws.core.support;

import java.nio.ByteBuffer;

import io.lws.core.ws.WsReceiverListener;

/** A receiver listener that accepts everything and keeps nothing: for tests where the receiver's own checks count. */
public enum IgnoringWsListener implements WsReceiverListener {

	/** The one instance: it has no state. */
	INSTANCE;

	@Override
	public boolean onData(ByteBuffer piece, boolean binary, boolean firstPieceOfMessage, boolean lastPieceOfMessage,
			long remainingInFrame, boolean frameFin) {
		return true;
	}

	@Override
	public void onPing(ByteBuffer payload) {
	}

	@Override
	public void onPong(ByteBuffer payload) {
	}

	@Override
	public void onClose(int code, ByteBuffer reasonUtf8) {
	}

}

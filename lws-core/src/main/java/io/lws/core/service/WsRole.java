package io.lws.core.service;

import java.nio.ByteBuffer;

import io.lws.core.CallbackReason;
import io.lws.core.CloseStatus;
import io.lws.core.LwsProtocol;
import io.lws.core.PendingTimeout;
import io.lws.core.WriteProtocol;
import io.lws.core.ext.ActiveExtension;
import io.lws.core.log.LwsLog;
import io.lws.core.ws.FrameWriter;
import io.lws.core.ws.Opcode;
import io.lws.core.ws.WebSocketProtocolException;
import io.lws.core.ws.WsReceiver;
import io.lws.core.ws.WsReceiverConfig;
import io.lws.core.ws.WsReceiverListener;

/**
 * The WebSocket role of a connection after the handshake, server or client side: feeds received bytes through a
 * {@link WsReceiver} (RFC 6455 framing, fragmentation, UTF-8 and close rules), calls the protocol back with
 * {@code RECEIVE}, {@code RECEIVE_PONG}, {@code WS_PEER_INITIATED_CLOSE}, {@code SERVER_WRITEABLE} and {@code CLOSED}
 * (exactly once), answers pings, frames what the application writes, runs the close handshake and the keep-alive
 * pings. A client gets the {@code CLIENT_*} reasons instead ({@code CLIENT_RECEIVE}, {@code CLIENT_RECEIVE_PONG},
 * {@code CLIENT_WRITEABLE}, {@code CLIENT_CLOSED}), refuses masked frames from the server and masks every frame it
 * sends with a fresh key (RFC 6455 section 5.3).
 * <p>
 * With an extension negotiated ({@link ActiveExtension}), the messages it transforms go through it both ways: a
 * received message with RSV1 is decompressed into pieces before {@code RECEIVE}, and every data write is compressed
 * into frames. Messages without RSV1, and control frames, never touch it, so the uncompressed path is unchanged.
 */
final class WsRole implements WsReceiverListener, ActiveExtension.PieceSink, ActiveExtension.FrameSink {

	private enum State {

		/** Open in both directions. */
		OPEN,
		/** We sent a close frame and wait for the peer's. */
		CLOSING,
		/** Closed. */
		CLOSED

	}

	private final Connection c;

	private final LwsProtocol<?> protocol;

	private final WsReceiver receiver;

	/** Whether this end is the client: it masks what it sends and expects unmasked frames. */
	private final boolean client;

	private final CallbackReason receiveReason;

	private final CallbackReason pongReason;

	private final CallbackReason writeableReason;

	/** Gathers whole messages when the protocol asked for them; {@code null} for delivery in pieces. */
	private final io.lws.core.ws.MessageAssembler assembler;

	/** The extension negotiated in the handshake, or {@code null}. */
	private final ActiveExtension extension;

	private State state = State.OPEN;

	private boolean closedCallbackDone;

	// ---- the piece being delivered (lws_remaining_packet_payload and friends) ----

	private long remaining;

	private boolean binary;

	private boolean first;

	private boolean last;

	// ---- sending ----

	private boolean txMessageInProgress;

	private int closeCode = CloseStatus.NORMAL.code();

	private String closeReasonText = "";

	private int pingInterval;

	private int sentCloseCode = -1;

	WsRole(Connection c, LwsProtocol<?> protocol) {
		this(c, protocol, null);
	}

	WsRole(Connection c, LwsProtocol<?> protocol, ActiveExtension extension) {
		this.c = c;
		this.protocol = protocol;
		this.extension = extension;
		this.client = c.client != null;
		this.assembler = (protocol.wholeMessageLimit() > 0)
				? new io.lws.core.ws.MessageAssembler(protocol.wholeMessageLimit()) : null;
		this.receiveReason = this.client ? CallbackReason.CLIENT_RECEIVE : CallbackReason.RECEIVE;
		this.pongReason = this.client ? CallbackReason.CLIENT_RECEIVE_PONG : CallbackReason.RECEIVE_PONG;
		this.writeableReason = this.client ? CallbackReason.CLIENT_WRITEABLE : CallbackReason.SERVER_WRITEABLE;
		boolean validate = c.vhost.validatesUtf8(protocol);
		this.receiver = new WsReceiver(WsReceiverConfig.builder()
			.server(!this.client)
			.rxBufferSize(protocol.rxBufferSize())
			.validateUtf8(validate)
			.maxMessageSize(c.vhost.info().maxMessageSize())
			.allowRsv1(extension != null && extension.usesRsv1())
			.build());
		this.pingInterval = c.vhost.info().pingPongInterval();
	}

	/** The handshake completed and {@code ESTABLISHED} returned 0. */
	void established() {
		armPing();
		this.c.updateReadInterest();
	}

	private void armPing() {
		if (this.pingInterval > 0 && this.state == State.OPEN) {
			this.c.setTimeoutInternal(PendingTimeout.WS_PONG_CHECK_SEND_PING, this.pingInterval);
		}
	}

	boolean wantsToRead() {
		return this.state != State.CLOSED;
	}

	// ---- receiving ----

	void consume(ByteBuffer buf) {
		if (this.state == State.CLOSED) {
			buf.position(buf.limit());
			return;
		}
		try {
			if (this.extension != null && this.extension.hasPendingReceive()
					&& !this.extension.resumeReceive(this)) {
				// paused again inside the same piece: the input waits in the connection
				keepPendingForResume();
				return;
			}
			this.receiver.receive(buf, this);
		}
		catch (WebSocketProtocolException ex) {
			LwsLog.debug("Closing {} with {}: {}", this.c, ex.closeCode(), ex.getMessage());
			failConnection(ex.closeCode(), ex.getMessage());
			buf.position(buf.limit());
			return;
		}
		if (this.state == State.OPEN && this.c.timeoutReason != PendingTimeout.WS_PONG_CHECK_GET_PONG) {
			armPing();
		}
	}

	@Override
	public boolean onData(ByteBuffer piece, boolean isBinary, boolean firstPiece, boolean lastPiece,
			long remainingInFrame, boolean frameFin) throws WebSocketProtocolException {
		if (this.state != State.OPEN) {
			// after our close frame, data is read and dropped while we wait for the peer's close
			return true;
		}
		this.remaining = remainingInFrame;
		if (this.extension != null && this.extension.transformsReceived(this.receiver.isMessageRsv1())) {
			boolean go = this.extension.receive(piece, isBinary, firstPiece, lastPiece, this.receiver.isMessageRsv1(),
					this);
			if (!go && this.extension.hasPendingReceive()) {
				keepPendingForResume();
			}
			return go;
		}
		return deliver(piece, isBinary, firstPiece, lastPiece);
	}

	/** A piece of a message the extension transformed (decompressed). */
	@Override
	public boolean onPiece(ByteBuffer piece, boolean isBinary, boolean firstPiece, boolean lastPiece) {
		if (this.state != State.OPEN) {
			return true;
		}
		if (lastPiece) {
			this.remaining = 0;
		}
		return deliver(piece, isBinary, firstPiece, lastPiece);
	}

	/**
	 * The extension paused with part of a piece left: make sure the connection calls {@link #consume} again when
	 * reading resumes, even if no new byte arrives (an empty stash does that).
	 */
	private void keepPendingForResume() {
		if (this.c.stash == null) {
			this.c.stash = ByteBuffer.allocate(0);
		}
	}

	private boolean deliver(ByteBuffer piece, boolean isBinary, boolean firstPiece, boolean lastPiece) {
		if (this.assembler != null) {
			return deliverWhole(piece, isBinary, lastPiece);
		}
		return deliverPiece(piece, isBinary, firstPiece, lastPiece);
	}

	/** Gathers pieces and delivers the message once it is whole; 1009 when it outgrows the protocol's limit. */
	private boolean deliverWhole(ByteBuffer piece, boolean isBinary, boolean lastPiece) {
		if (!this.assembler.add(piece)) {
			this.assembler.clear();
			failConnection(CloseStatus.MESSAGE_TOO_LARGE.code(),
					"Message over " + this.assembler.limit() + " bytes");
			return false;
		}
		if (!lastPiece) {
			return true;
		}
		this.remaining = 0;
		try {
			return deliverPiece(this.assembler.message(), isBinary, true, true);
		}
		finally {
			this.assembler.clear();
		}
	}

	private boolean deliverPiece(ByteBuffer piece, boolean isBinary, boolean firstPiece, boolean lastPiece) {
		this.binary = isBinary;
		this.first = firstPiece;
		this.last = lastPiece;
		if (lastPiece) {
			this.c.pt.context.metrics().messageIn(this.protocol.name());
		}
		int ret = this.c.callBound(this.receiveReason, piece);
		if (ret != 0) {
			closeFromApplication();
			return false;
		}
		return !this.c.isClosed() && this.c.rxFlowEnabled();
	}

	@Override
	public void onPing(ByteBuffer payload) {
		if (this.state == State.OPEN) {
			sendControl(Opcode.PONG, payload);
		}
	}

	@Override
	public void onPong(ByteBuffer payload) {
		if (this.c.timeoutReason == PendingTimeout.WS_PONG_CHECK_GET_PONG) {
			this.c.setTimeoutInternal(PendingTimeout.NO_PENDING_TIMEOUT, 0);
		}
		if (this.state == State.OPEN && this.c.callBound(this.pongReason, payload) != 0) {
			closeFromApplication();
		}
	}

	@Override
	public void onClose(int code, ByteBuffer reasonUtf8) {
		if (this.state == State.CLOSING) {
			// the peer acknowledged our close: the handshake is complete
			this.c.closeNow(Connection.CloseCause.APPLICATION);
			return;
		}
		ByteBuffer payload = ByteBuffer.allocate(
				(code == CloseStatus.NO_STATUS.code()) ? 0 : 2 + reasonUtf8.remaining());
		if (code != CloseStatus.NO_STATUS.code()) {
			payload.putShort((short) code).put(reasonUtf8.duplicate());
		}
		payload.flip();
		this.c.pt.context.metrics().webSocketClosed(this.protocol.name(), code, "remote");
		int ret = this.c.callBound(CallbackReason.WS_PEER_INITIATED_CLOSE, payload.duplicate());
		if (this.c.isClosed()) {
			return;
		}
		this.state = State.CLOSING;
		if (ret == 0) {
			// echo the close as libwebsockets does: the peer's whole payload, code and reason (an empty body when the
			// peer sent none), so a browser's close(3000, "Bye!") sees 3000 "Bye!" come back
			queueFrame(Opcode.CLOSE, true, payload.duplicate());
			this.sentCloseCode = code;
		}
		if (this.client) {
			// a client waits for the server to close first (RFC 6455 section 7.1.1)
			this.c.closeAfterFlush();
		}
		else {
			// the closing handshake is complete with our answer: the server closes TCP at once
			this.c.closeAfterFlushWithoutLinger();
		}
	}

	void onPeerEof() {
		this.c.closeNow(Connection.CloseCause.PEER_CLOSED);
	}

	// ---- state the application reads during RECEIVE ----

	long remainingPacketPayload() {
		return this.remaining;
	}

	boolean frameIsBinary() {
		return this.binary;
	}

	boolean isFirstFragment() {
		return this.first;
	}

	boolean isFinalFragment() {
		return this.last;
	}

	// ---- sending ----

	int write(ByteBuffer buf, WriteProtocol wp, boolean fin) {
		int len = buf.remaining();
		if (this.state != State.OPEN) {
			return -1;
		}
		Opcode op;
		switch (wp) {
			case TEXT, BINARY -> {
				if (this.txMessageInProgress) {
					throw new IllegalStateException("write(" + wp + ") while a fragmented message is unfinished: "
							+ "continue it with CONTINUATION");
				}
				op = (wp == WriteProtocol.TEXT) ? Opcode.TEXT : Opcode.BINARY;
				this.txMessageInProgress = !fin;
			}
			case CONTINUATION -> {
				if (!this.txMessageInProgress) {
					throw new IllegalStateException("write(CONTINUATION) with no fragmented message to continue");
				}
				op = Opcode.CONTINUATION;
				this.txMessageInProgress = !fin;
			}
			case PING, PONG -> {
				if (len > 125) {
					throw new IllegalArgumentException("A " + wp + " payload is at most 125 bytes, not " + len);
				}
				return sendControl((wp == WriteProtocol.PING) ? Opcode.PING : Opcode.PONG, buf) ? len : -1;
			}
			default -> throw new IllegalArgumentException(wp + " is not a WebSocket write protocol");
		}
		if (this.extension != null) {
			if (!this.extension.send(buf, op == Opcode.BINARY, op != Opcode.CONTINUATION, fin, this)) {
				return -1;
			}
		}
		else if (!queueFrame(op, fin, buf)) {
			return -1;
		}
		if (fin) {
			this.c.pt.context.metrics().messageOut(this.protocol.name());
		}
		return len;
	}

	private boolean sendControl(Opcode op, ByteBuffer payload) {
		return queueFrame(op, true, payload);
	}

	/** A frame of a message the extension transformed (compressed). */
	@Override
	public boolean onFrame(Opcode op, boolean fin, boolean rsv1, ByteBuffer payload) {
		return queueFrame(op, fin, rsv1, payload);
	}

	private boolean queueFrame(Opcode op, boolean fin, ByteBuffer payload) {
		return queueFrame(op, fin, false, payload);
	}

	private boolean queueFrame(Opcode op, boolean fin, boolean rsv1, ByteBuffer payload) {
		ByteBuffer header = this.c.pt.txHeader;
		header.clear();
		if (this.client) {
			int key = this.c.pt.maskKeys.next();
			FrameWriter.writeHeader(header, fin, rsv1, op, payload.remaining(), key, true);
			header.flip();
			return this.c.queueMaskedOutput(header, payload, key);
		}
		FrameWriter.writeHeader(header, fin, rsv1, op, payload.remaining(), 0, false);
		header.flip();
		return this.c.queueOutput(header, payload);
	}

	int onWritable() {
		if (this.state != State.OPEN) {
			return 0;
		}
		return this.c.callBound(this.writeableReason, null);
	}

	// ---- closing ----

	void closeReason(int code, String reason) {
		if (!CloseStatus.isSendable(code)) {
			throw new IllegalArgumentException("Close code " + code + " must not be sent (allowed: 1000-1003, "
					+ "1007-1014, 3000-4999)");
		}
		this.closeCode = code;
		this.closeReasonText = (reason != null) ? reason : "";
	}

	/**
	 * A callback returned non-zero: send our close (with the reason set by {@code closeReason}) and wait for the echo.
	 */
	void closeFromApplication() {
		startClose(this.closeCode, this.closeReasonText);
	}

	/** Bad input from the peer: send the close code for it and drop the connection once it is out. */
	private void failConnection(int code, String reason) {
		if (this.state == State.OPEN) {
			queueFrame(Opcode.CLOSE, true, FrameWriter.closePayload(code, reason));
			this.sentCloseCode = code;
			this.c.pt.context.metrics().webSocketClosed(this.protocol.name(), code, "local");
		}
		this.state = State.CLOSING;
		this.c.closeAfterFlush();
	}

	private void startClose(int code, String reason) {
		if (this.state != State.OPEN) {
			return;
		}
		this.state = State.CLOSING;
		queueFrame(Opcode.CLOSE, true, FrameWriter.closePayload(code, reason));
		this.sentCloseCode = code;
		this.c.pt.context.metrics().webSocketClosed(this.protocol.name(), code, "local");
		this.c.setTimeoutInternal(PendingTimeout.CLOSE_ACK, this.c.vhost.info().timeoutSecs());
	}

	/** Graceful shutdown: close 1001 (going away), then wait for the peer's close as usual. */
	void goAway() {
		startClose(CloseStatus.GOINGAWAY.code(), "");
	}

	/**
	 * A pending timeout expired. Returns true when handled here (time to send a keep-alive ping), false when the
	 * connection should close.
	 */
	boolean onTimeout(PendingTimeout reason) {
		if (reason == PendingTimeout.WS_PONG_CHECK_SEND_PING && this.state == State.OPEN) {
			sendControl(Opcode.PING, ByteBuffer.allocate(0));
			this.c.setTimeoutInternal(PendingTimeout.WS_PONG_CHECK_GET_PONG, this.c.vhost.info().timeoutSecs());
			return true;
		}
		return false;
	}

	/** The connection is closing: {@code CLOSED}, exactly once. */
	void onClosed(Connection.CloseCause cause) {
		if (this.state == State.OPEN) {
			if (cause == Connection.CloseCause.CONTEXT_DESTROY) {
				sendGoingAwayNow();
				this.c.pt.context.metrics().webSocketClosed(this.protocol.name(), CloseStatus.GOINGAWAY.code(),
						"local");
			}
			else {
				// no close frame either way (the peer went or reset, a timeout): RFC 6455 section 7.1.5 calls that
				// 1006, and the close counter counts it as such
				this.c.pt.context.metrics().webSocketClosed(this.protocol.name(), CloseStatus.ABNORMAL_CLOSE.code(),
						(cause == Connection.CloseCause.PEER_CLOSED || cause == Connection.CloseCause.IO_ERROR)
								? "remote" : "local");
			}
		}
		this.state = State.CLOSED;
		if (!this.closedCallbackDone) {
			this.closedCallbackDone = true;
			this.c.callBound(this.client ? CallbackReason.CLIENT_CLOSED : CallbackReason.CLOSED, null);
		}
		if (this.extension != null) {
			try {
				this.extension.destroy();
			}
			catch (RuntimeException ex) {
				LwsLog.err("Extension {} threw from DESTROY on {}: {}", this.extension.extension().name(), this.c,
						ex.toString());
			}
		}
	}

	/** {@code lws_set_extension_option}: 0 when the active extension took it, -1 otherwise. */
	int setExtensionOption(String extensionName, String option, String value) {
		if (this.extension == null || !this.extension.extension().name().equals(extensionName)) {
			return -1;
		}
		return this.extension.setOption(option, value);
	}

	/** The negotiated extension, or {@code null}. */
	ActiveExtension extension() {
		return this.extension;
	}

	/** Best effort at a 1001 close frame straight to the socket, when there is no loop left to flush it. */
	private void sendGoingAwayNow() {
		ByteBuffer payload = FrameWriter.closePayload(CloseStatus.GOINGAWAY.code(), "");
		ByteBuffer frame = ByteBuffer.allocate(6 + payload.remaining());
		int key = this.client ? this.c.pt.maskKeys.next() : 0;
		FrameWriter.writeHeader(frame, true, false, Opcode.CLOSE, payload.remaining(), key, this.client);
		int at = frame.position();
		frame.put(payload);
		if (this.client) {
			FrameWriter.mask(frame, at, frame.position(), key);
		}
		frame.flip();
		this.c.writeNowBestEffort(frame);
	}

	@Override
	public String toString() {
		return (this.client ? "WsRole[client " : "WsRole[") + this.state + ", protocol=" + this.protocol.name()
				+ ", sentClose=" + this.sentCloseCode
				+ ((this.extension != null) ? ", " + this.extension : "") + ", " + this.receiver + "]";
	}

}

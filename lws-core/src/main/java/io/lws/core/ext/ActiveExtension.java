package io.lws.core.ext;

import java.nio.ByteBuffer;
import java.util.List;

import io.lws.core.CloseStatus;
import io.lws.core.Lws;
import io.lws.core.ws.Opcode;
import io.lws.core.ws.Utf8Validator;
import io.lws.core.ws.WebSocketProtocolException;

/**
 * The extension negotiated on one connection, with its state, and the engine's side of the payload callbacks: it
 * drives {@link LwsExtension#onPacketRxPreparse} and {@link LwsExtension#onPacketTxPresend} until each input is used
 * up, hands the output on in pieces and frames, and checks what a transformed message turns into. Used by the server
 * role today and meant for the client role; it does no I/O.
 * <p>
 * <b>Receiving.</b> A transformed message's output is delivered in pieces of at most the piece size (the protocol's
 * {@code rx_buffer_size}); the first and last pieces are marked as such, the last one possibly empty when the
 * message is. Text is checked to be UTF-8 across pieces (1007 at the first bad byte, or at the end inside a
 * sequence), and the transformed size of a message is checked against the limit as it grows (1009 as soon as it
 * passes, so a compression bomb is stopped after one piece over the limit, never inflated whole). When the receiver
 * pauses ({@code rx_flow_control}) in the middle of an input, the unconsumed input is copied into a buffer of this
 * connection (allocated on first need, reused) and {@link #resumeReceive} carries on from it.
 * <p>
 * <b>Sending.</b> Each output of the extension becomes one frame: the first of a message gets the opcode and, when
 * the extension says so, RSV1; the rest are continuations; the last output of a write with FIN gets FIN.
 * <p>
 * Allocation-free once its buffers exist; confined to the connection's service thread.
 */
public final class ActiveExtension {

	/** Receives the transformed pieces of a message (a protocol's {@code RECEIVE}). */
	@FunctionalInterface
	public interface PieceSink {

		/**
		 * A piece of the transformed message; the buffer is valid only during the call.
		 * @return {@code true} to go on, {@code false} to pause (flow control or the connection is closing)
		 * @throws WebSocketProtocolException to fail the connection
		 */
		boolean onPiece(ByteBuffer piece, boolean binary, boolean first, boolean last)
				throws WebSocketProtocolException;

	}

	/** Takes the frames of a transformed message (the connection's output). */
	@FunctionalInterface
	public interface FrameSink {

		/**
		 * One frame to send; the payload is valid only during the call and must be copied.
		 * @return {@code false} when the connection failed and nothing more should be sent
		 */
		boolean onFrame(Opcode op, boolean fin, boolean rsv1, ByteBuffer payload);

	}

	private final LwsExtension<Object> extension;

	private final Object session;

	private final Lws wsi;

	private final ExtensionOffer agreed;

	private final int pieceSize;

	private final boolean validateUtf8;

	private final long maxMessageSize;

	private final ExtensionPayload rx = new ExtensionPayload();

	private final ExtensionPayload tx = new ExtensionPayload();

	private final Utf8Validator utf8 = new Utf8Validator();

	// ---- receiving ----

	private boolean rxBinary;

	private boolean rxDelivered;

	private long rxSize;

	/** Whether a pause left input or output to resume from. */
	private boolean rxPending;

	/** Holds the unconsumed input of a paused piece; allocated on first need. */
	private ByteBuffer rxKept;

	// ---- sending ----

	private boolean txBinary;

	private boolean txFrameSent;

	private boolean txRsv1;

	private boolean destroyed;

	/**
	 * Wraps a negotiated extension.
	 * @param extension the extension
	 * @param session its state on this connection, from {@code onConstruct} or {@code onClientConstruct}
	 * @param wsi the connection, or {@code null} outside one (tests, benchmarks)
	 * @param agreed the extension's element as the server answered it
	 * @param pieceSize the most bytes of transformed payload per delivered piece (the protocol's rx buffer size)
	 * @param validateUtf8 whether transformed text must be UTF-8
	 * @param maxMessageSize the largest transformed message, 0 for no limit
	 */
	@SuppressWarnings("unchecked")
	public ActiveExtension(LwsExtension<?> extension, Object session, Lws wsi, ExtensionOffer agreed, int pieceSize,
			boolean validateUtf8, long maxMessageSize) {
		if (pieceSize <= 0) {
			throw new IllegalArgumentException("pieceSize must be positive, not " + pieceSize);
		}
		this.extension = (LwsExtension<Object>) extension;
		this.session = session;
		this.wsi = wsi;
		this.agreed = agreed;
		this.pieceSize = pieceSize;
		this.validateUtf8 = validateUtf8;
		this.maxMessageSize = maxMessageSize;
	}

	/** The extension. */
	public LwsExtension<?> extension() {
		return this.extension;
	}

	/** Its state on this connection. */
	public Object session() {
		return this.session;
	}

	/** The element the server answered, e.g. {@code permessage-deflate; server_no_context_takeover}. */
	public ExtensionOffer agreed() {
		return this.agreed;
	}

	/** The parameters the server answered. */
	public List<ExtensionParameter> agreedParameters() {
		return this.agreed.parameters();
	}

	/** Whether the extension owns RSV1, so the receiver must accept it. */
	public boolean usesRsv1() {
		return this.extension.usesRsv1();
	}

	/** Whether a received message goes through the extension: all do, unless it owns RSV1 and RSV1 is clear. */
	public boolean transformsReceived(boolean messageRsv1) {
		return messageRsv1 || !this.extension.usesRsv1();
	}

	// ---- receiving ----

	/**
	 * Transforms a piece of a received message and delivers the output.
	 * @param piece the piece as received (it may be a view of the read buffer: it is not kept)
	 * @param binary whether the message is binary
	 * @param firstPiece whether the piece starts the message
	 * @param lastPiece whether it ends the message
	 * @param rsv1 whether the message had RSV1
	 * @param sink where the output goes
	 * @return {@code false} when the sink paused; call {@link #resumeReceive} before feeding more
	 * @throws WebSocketProtocolException when the payload cannot be transformed, is not UTF-8 text, or grows past the
	 * limit
	 */
	public boolean receive(ByteBuffer piece, boolean binary, boolean firstPiece, boolean lastPiece, boolean rsv1,
			PieceSink sink) throws WebSocketProtocolException {
		if (this.rxPending) {
			throw new IllegalStateException("receive() while a paused piece is pending: call resumeReceive() first");
		}
		if (firstPiece) {
			this.rxBinary = binary;
			this.rxDelivered = false;
			this.rxSize = 0;
			this.utf8.reset();
		}
		this.rx.reset(piece, binary, firstPiece, lastPiece, rsv1, this.pieceSize);
		return pump(sink);
	}

	/** Whether a pause left part of a piece to transform; {@link #resumeReceive} must come before new input. */
	public boolean hasPendingReceive() {
		return this.rxPending;
	}

	/**
	 * Carries on with the piece a pause interrupted.
	 * @return {@code false} when the sink paused again
	 */
	public boolean resumeReceive(PieceSink sink) throws WebSocketProtocolException {
		if (!this.rxPending) {
			return true;
		}
		this.rxPending = false;
		return pump(sink);
	}

	private boolean pump(PieceSink sink) throws WebSocketProtocolException {
		while (true) {
			PayloadResult result = this.extension.onPacketRxPreparse(this.wsi, this.session, this.rx);
			ByteBuffer out = this.rx.out();
			boolean last = result == PayloadResult.DONE && this.rx.messageEnd();
			boolean go = true;
			if (out.hasRemaining() || last) {
				if (out.remaining() > this.pieceSize) {
					throw new IllegalStateException(this.extension.name() + " returned " + out.remaining()
							+ " bytes where at most " + this.pieceSize + " were asked for");
				}
				check(out, last);
				boolean first = !this.rxDelivered;
				this.rxDelivered = true;
				go = sink.onPiece(out, this.rxBinary, first, last);
				this.rx.out(null);
			}
			if (result == PayloadResult.DONE) {
				if (this.rx.in().hasRemaining()) {
					throw new IllegalStateException(this.extension.name() + " returned DONE with input left");
				}
				return go;
			}
			if (!go) {
				keepInput();
				this.rxPending = true;
				return false;
			}
		}
	}

	/** Copies what is left of the current input, which may be a view of a buffer about to be reused. */
	private void keepInput() {
		ByteBuffer in = this.rx.in();
		if (in == this.rxKept || !in.hasRemaining()) {
			return;
		}
		if (this.rxKept == null || this.rxKept.capacity() < in.remaining()) {
			this.rxKept = ByteBuffer.allocate(Math.max(in.remaining(), this.pieceSize));
		}
		this.rxKept.clear();
		this.rxKept.put(in).flip();
		this.rx.in(this.rxKept);
	}

	private void check(ByteBuffer out, boolean last) throws WebSocketProtocolException {
		this.rxSize += out.remaining();
		if (this.maxMessageSize > 0 && this.rxSize > this.maxMessageSize) {
			throw new WebSocketProtocolException(CloseStatus.MESSAGE_TOO_LARGE.code(),
					"The message grows past the limit of " + this.maxMessageSize + " bytes once decompressed.");
		}
		if (!this.rxBinary && this.validateUtf8) {
			if (!this.utf8.update(out)) {
				throw new WebSocketProtocolException(CloseStatus.INVALID_PAYLOAD.code(),
						"The text message is not valid UTF-8.");
			}
			if (last && !this.utf8.isComplete()) {
				throw new WebSocketProtocolException(CloseStatus.INVALID_PAYLOAD.code(),
						"The text message ends inside a UTF-8 sequence.");
			}
		}
	}

	// ---- sending ----

	/**
	 * Transforms one write of the application and hands its frames to {@code sink}.
	 * @param payload the bytes written (not kept)
	 * @param binary whether the message is binary (ignored for continuations)
	 * @param messageStart whether this write starts a message ({@code TEXT} or {@code BINARY}, not
	 * {@code CONTINUATION})
	 * @param fin whether it ends the message
	 * @param sink takes the frames
	 * @return {@code false} when the sink refused a frame
	 */
	public boolean send(ByteBuffer payload, boolean binary, boolean messageStart, boolean fin, FrameSink sink) {
		if (messageStart) {
			this.txBinary = binary;
			this.txFrameSent = false;
			this.txRsv1 = false;
		}
		this.tx.reset(payload, this.txBinary, messageStart, fin, false, Integer.MAX_VALUE);
		while (true) {
			PayloadResult result = this.extension.onPacketTxPresend(this.wsi, this.session, this.tx);
			this.txRsv1 |= this.tx.rsv1();
			ByteBuffer out = this.tx.out();
			boolean lastFrame = result == PayloadResult.DONE && fin;
			if (out.hasRemaining() || lastFrame) {
				Opcode op = this.txFrameSent ? Opcode.CONTINUATION : (this.txBinary ? Opcode.BINARY : Opcode.TEXT);
				boolean rsv1 = !this.txFrameSent && this.txRsv1;
				this.txFrameSent = true;
				boolean ok = sink.onFrame(op, lastFrame, rsv1, out);
				this.tx.out(null);
				if (!ok) {
					return false;
				}
			}
			if (result == PayloadResult.DONE) {
				if (payload.hasRemaining()) {
					throw new IllegalStateException(this.extension.name() + " returned DONE with payload left");
				}
				return true;
			}
		}
	}

	// ---- options and end ----

	/** {@code lws_set_extension_option} on this connection: 0 when set, non-zero when refused. */
	public int setOption(String option, String value) {
		return this.extension.onNamedOptionSet(this.wsi, this.session, option, value);
	}

	/** {@code LWS_EXT_CB_DESTROY}, once. */
	public void destroy() {
		if (!this.destroyed) {
			this.destroyed = true;
			this.extension.onDestroy(this.wsi, this.session);
		}
	}

	@Override
	public String toString() {
		return "ActiveExtension[" + this.agreed + (this.rxPending ? ", rx pending" : "") + ", session=" + this.session
				+ "]";
	}

}

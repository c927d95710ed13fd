package io.lws.core.ws;

import java.nio.ByteBuffer;

import io.lws.core.CloseStatus;

/**
 * The receive side of a WebSocket endpoint (RFC 6455 sections 5 and 7.1.5-7.1.6): a state machine that is fed the
 * bytes read from the connection and tells a {@link WsReceiverListener} what they mean. It does no I/O and starts no
 * thread; it is confined to the connection's service thread.
 * <p>
 * <b>Delivery.</b> Payload is handed over in pieces of at most {@link WsReceiverConfig#rxBufferSize()} bytes, as
 * libwebsockets does with a protocol's {@code rx_buffer_size}: messages are never reassembled. Payload bytes wholly
 * inside the input buffer are unmasked in place and passed as a view of that buffer, with no copy. Only a frame
 * whose payload is split across reads is copied, into a buffer of {@code rxBufferSize} bytes that is allocated on
 * first need and then reused, and handed over when it is full or the frame ends; so a small frame split across
 * reads still arrives as one piece, and the pieces of a frame are the same however its bytes were split. Control
 * frames (at most 125 bytes) are always delivered whole, assembled when split in a fixed 125-byte buffer.
 * <p>
 * <b>Checks.</b> Every violation of section 5 fails the connection with 1002: reserved opcodes, RSV bits without a
 * negotiated extension, fragmented or oversized control frames, continuation without a message or a new message
 * inside one, masking the wrong way for the role, a length not in the fewest bytes or with the top bit set, a close
 * payload of 1 byte or with a code not allowed on the wire. Text that is not UTF-8 fails with 1007 as soon as the
 * bytes received make it impossible (section 8.1), and so does a close reason that is not UTF-8. A data message
 * larger than {@link WsReceiverConfig#maxMessageSize()} fails with 1009 as soon as a frame header announces it (a
 * message with RSV1 is not counted here: its extension checks the size it decompresses to).
 * After a close frame, or after {@code receive} threw, everything further is ignored.
 * <p>
 * Allocation-free once its buffers exist; not thread-safe.
 */
public final class WsReceiver {

	/** Where the receiver is in the byte stream. */
	private enum State {

		/** Waiting for header byte 0: FIN, RSV bits and opcode. */
		FIRST_BYTE,
		/** Waiting for header byte 1: MASK and the 7-bit length. */
		SECOND_BYTE,
		/** Reading the 2- or 8-byte extended length. */
		EXTENDED_LENGTH,
		/** Reading the 4-byte masking key. */
		MASK_KEY,
		/** Reading the payload of a TEXT, BINARY or CONTINUATION frame. */
		DATA_PAYLOAD,
		/** Reading the payload of a CLOSE, PING or PONG frame. */
		CONTROL_PAYLOAD,
		/** A close frame was received: the rest of the stream is ignored. */
		CLOSED,
		/** {@code receive} threw: the rest of the stream is ignored. */
		FAILED

	}

	private final WsReceiverConfig config;

	/** Carries the UTF-8 check of a text message across its pieces and frames. */
	private final Utf8Validator utf8 = new Utf8Validator();

	private State state = State.FIRST_BYTE;

	// The frame being read; valid from the state where each is parsed until the next frame's first byte.

	private boolean fin;

	private boolean rsv1;

	private Opcode opcode;

	private boolean masked;

	/** The masking key, first byte in the high 8 bits; 0 when unmasked (XOR with 0 changes nothing). */
	private int maskKey;

	/** Bytes of the extended length or of the masking key still to read. */
	private int headerBytesLeft;

	/** 2 or 8 while reading an extended length: what the fewest-bytes rule is checked against. */
	private int extendedLengthSize;

	private long payloadLength;

	/** Payload bytes of the frame not yet taken from the input (so not yet delivered, nor buffered). */
	private long payloadRemaining;

	// The data message in progress (or, between messages, the last one).

	/** Whether a TEXT or BINARY frame was read and the message's final frame has not been read to its end. */
	private boolean messageInProgress;

	private boolean messageBinary;

	/** Whether the message's first frame had RSV1 (with permessage-deflate: the message is compressed). */
	private boolean messageRsv1;

	/** Whether this message's text is checked here: text, validation on, and not compressed. */
	private boolean messageValidated;

	/** Whether a piece of the message has been delivered, so the next one is not the first. */
	private boolean messageDelivered;

	/** Payload bytes of the message announced so far, for the 1009 limit. */
	private long messageSize;

	/** Holds data payload split across reads; position = bytes held. Allocated on first need. */
	private ByteBuffer dataBuffer;

	/** Assembles a control payload split across reads; position = bytes held. Allocated on first need. */
	private ByteBuffer controlBuffer;

	/**
	 * Creates a receiver waiting for the first frame header.
	 * @param config the role, piece size and limits
	 */
	public WsReceiver(WsReceiverConfig config) {
		this.config = config;
	}

	/**
	 * Feeds bytes read from the connection. Consumes all of {@code in}, delivering what it completes to the
	 * listener, unless the listener pauses by returning {@code false} from {@link WsReceiverListener#onData}: then
	 * this returns at once with {@code in}'s position at the first byte not consumed, and the caller passes the rest
	 * again (with more bytes after it, if it likes) when it resumes. Any amount may be passed, from one byte to many
	 * frames; partial state is kept here, never a reference to {@code in}.
	 * <p>
	 * A piece handed to the listener may be {@code in} itself with its position and limit narrowed to the piece;
	 * they are put back when the listener returns. Masked payload is unmasked in place, so {@code in} must be
	 * writable for a server.
	 * @param in the bytes, between position and limit
	 * @param listener receives the decoded events, in wire order
	 * @throws WebSocketProtocolException if the bytes break RFC 6455 or a configured limit, or the listener threw
	 * it; the connection must be failed with its close code, and the receiver ignores all further input
	 */
	public void receive(ByteBuffer in, WsReceiverListener listener) throws WebSocketProtocolException {
		try {
			while (step(in, listener)) {
				// each step moves the state machine on by one header byte or one piece of payload
			}
		}
		catch (WebSocketProtocolException | RuntimeException | Error ex) {
			this.state = State.FAILED;
			throw ex;
		}
	}

	/** The configuration this receiver was created with. */
	public WsReceiverConfig config() {
		return this.config;
	}

	/** Whether a close frame was received (and delivered); further input is ignored. */
	public boolean isClosed() {
		return this.state == State.CLOSED;
	}

	/** Whether {@link #receive} threw; further input is ignored. */
	public boolean isFailed() {
		return this.state == State.FAILED;
	}

	/** Whether a data message has begun and its final frame has not been read to its end. */
	public boolean isMessageInProgress() {
		return this.messageInProgress;
	}

	/**
	 * Whether the data message being delivered had RSV1 set on its first frame: with permessage-deflate, whether it
	 * is compressed (its text then is not checked here). Meaningful during {@link WsReceiverListener#onData}.
	 */
	public boolean isMessageRsv1() {
		return this.messageRsv1;
	}

	/** Takes one step; {@code false} when {@code receive} must return (input used up, paused, or ignored). */
	private boolean step(ByteBuffer in, WsReceiverListener listener) throws WebSocketProtocolException {
		switch (this.state) {
			case FIRST_BYTE:
				if (!in.hasRemaining()) {
					return false;
				}
				readFirstByte(in.get());
				return true;
			case SECOND_BYTE:
				if (!in.hasRemaining()) {
					return false;
				}
				readSecondByte(in.get());
				return true;
			case EXTENDED_LENGTH:
				if (!in.hasRemaining()) {
					return false;
				}
				readExtendedLengthByte(in.get());
				return true;
			case MASK_KEY:
				if (!in.hasRemaining()) {
					return false;
				}
				readMaskKeyByte(in.get());
				return true;
			case DATA_PAYLOAD:
				return readDataPayload(in, listener);
			case CONTROL_PAYLOAD:
				return readControlPayload(in, listener);
			default:
				// CLOSED or FAILED: nothing after a close frame or an error can be trusted, or needs reading.
				in.position(in.limit());
				return false;
		}
	}

	private void readFirstByte(byte b) throws WebSocketProtocolException {
		Opcode op = Opcode.of(b & FrameHeader.OPCODE_BITS);
		if (op == null) {
			throw protocolError("Opcode " + (b & FrameHeader.OPCODE_BITS) + " is reserved.");
		}
		if ((b & (FrameHeader.RSV2 | FrameHeader.RSV3)) != 0) {
			throw protocolError("Reserved bit RSV2 or RSV3 is set but no extension defines it.");
		}
		boolean rsv1 = (b & FrameHeader.RSV1) != 0;
		if (rsv1 && !this.config.allowRsv1()) {
			throw protocolError("Reserved bit RSV1 is set but no extension was negotiated.");
		}
		boolean fin = (b & FrameHeader.FIN) != 0;
		if (op.isControl()) {
			if (!fin) {
				throw protocolError("A control frame must not be fragmented.");
			}
			if (rsv1) {
				throw protocolError("RSV1 must not be set on a control frame.");
			}
		}
		else if (op == Opcode.CONTINUATION) {
			if (!this.messageInProgress) {
				throw protocolError("A continuation frame arrived with no message to continue.");
			}
			if (rsv1) {
				throw protocolError("RSV1 may only be set on the first frame of a message.");
			}
		}
		else if (this.messageInProgress) {
			throw protocolError("A new message began before the fragmented one was finished.");
		}
		this.fin = fin;
		this.rsv1 = rsv1;
		this.opcode = op;
		this.state = State.SECOND_BYTE;
	}

	private void readSecondByte(byte b) throws WebSocketProtocolException {
		this.masked = (b & FrameHeader.MASK) != 0;
		if (this.masked != this.config.server()) {
			throw protocolError(this.config.server() ? "A frame from a client must be masked."
					: "A frame from a server must not be masked.");
		}
		int length = b & FrameHeader.LENGTH_BITS;
		if (this.opcode.isControl()) {
			if (length > FrameHeader.MAX_CONTROL_PAYLOAD) {
				throw protocolError("A control frame payload must not exceed 125 bytes.");
			}
			if (this.opcode == Opcode.CLOSE && length == 1) {
				throw protocolError("A close frame payload cannot be 1 byte long.");
			}
		}
		if (length == FrameHeader.LENGTH_16 || length == FrameHeader.LENGTH_64) {
			this.extendedLengthSize = (length == FrameHeader.LENGTH_16) ? 2 : 8;
			this.headerBytesLeft = this.extendedLengthSize;
			this.payloadLength = 0;
			this.state = State.EXTENDED_LENGTH;
		}
		else {
			this.payloadLength = length;
			lengthKnown();
		}
	}

	private void readExtendedLengthByte(byte b) throws WebSocketProtocolException {
		if (this.headerBytesLeft == 8 && b < 0) {
			throw protocolError("A 64-bit payload length must have its most significant bit clear.");
		}
		this.payloadLength = (this.payloadLength << 8) | (b & 0xFF);
		if (--this.headerBytesLeft > 0) {
			return;
		}
		if (FrameHeader.extendedLengthSize(this.payloadLength) != this.extendedLengthSize) {
			throw protocolError("The payload length is not encoded in the fewest bytes.");
		}
		lengthKnown();
	}

	private void lengthKnown() throws WebSocketProtocolException {
		long max = this.config.maxMessageSize();
		// A compressed message is limited by its decompressed size, which the extension layer checks as it grows.
		boolean compressed = (this.opcode == Opcode.CONTINUATION) ? this.messageRsv1 : this.rsv1;
		// Fail at the header, before any of an oversized message is delivered; subtract so the sum cannot overflow.
		if (max > 0 && !this.opcode.isControl() && !compressed && this.payloadLength > max - this.messageSize) {
			throw new WebSocketProtocolException(CloseStatus.MESSAGE_TOO_LARGE.code(),
					"The message is larger than the limit of " + max + " bytes.");
		}
		this.maskKey = 0;
		if (this.masked) {
			this.headerBytesLeft = 4;
			this.state = State.MASK_KEY;
		}
		else {
			startPayload();
		}
	}

	private void readMaskKeyByte(byte b) {
		this.maskKey = (this.maskKey << 8) | (b & 0xFF);
		if (--this.headerBytesLeft == 0) {
			startPayload();
		}
	}

	private void startPayload() {
		this.payloadRemaining = this.payloadLength;
		if (this.opcode.isControl()) {
			this.state = State.CONTROL_PAYLOAD;
			return;
		}
		if (this.opcode != Opcode.CONTINUATION) {
			this.messageInProgress = true;
			this.messageBinary = (this.opcode == Opcode.BINARY);
			this.messageRsv1 = this.rsv1;
			// Compressed bytes are not text: the extension that inflates them checks the text.
			this.messageValidated = !this.messageBinary && !this.rsv1 && this.config.validateUtf8();
			this.messageDelivered = false;
			this.utf8.reset();
		}
		this.messageSize += this.payloadLength;
		this.state = State.DATA_PAYLOAD;
	}

	private boolean readDataPayload(ByteBuffer in, WsReceiverListener listener) throws WebSocketProtocolException {
		if (this.payloadLength == 0) {
			// An empty frame. Only a final one is delivered, so that the application sees the message end.
			if (!this.fin) {
				this.state = State.FIRST_BYTE;
				return true;
			}
			return deliverFromInput(in, in.position(), listener);
		}
		int held = (this.dataBuffer != null) ? this.dataBuffer.position() : 0;
		if (held == 0) {
			int pieceSize = (int) Math.min(this.payloadRemaining, this.config.rxBufferSize());
			if (in.remaining() >= pieceSize) {
				int start = in.position();
				int end = start + pieceSize;
				unmaskAndValidate(in, start, end);
				return deliverFromInput(in, end, listener);
			}
		}
		if (!in.hasRemaining()) {
			return false;
		}
		// The rest of this piece is in a later read: keep what is here.
		ByteBuffer buffer = dataBuffer();
		int start = buffer.position();
		int count = (int) Math.min(Math.min(in.remaining(), buffer.remaining()), this.payloadRemaining);
		buffer.put(start, in, in.position(), count).position(start + count);
		in.position(in.position() + count);
		unmaskAndValidate(buffer, start, start + count);
		if (buffer.hasRemaining() && this.payloadRemaining > 0) {
			return false;
		}
		buffer.flip();
		try {
			return deliver(buffer, listener);
		}
		finally {
			buffer.clear();
		}
	}

	/**
	 * Unmasks payload bytes just taken from the input and checks their UTF-8, so that bad text fails as soon as it
	 * arrives, even before it is delivered.
	 */
	private void unmaskAndValidate(ByteBuffer buffer, int from, int to) throws WebSocketProtocolException {
		PayloadMasker.mask(buffer, from, to, this.maskKey, this.payloadLength - this.payloadRemaining);
		this.payloadRemaining -= to - from;
		if (this.messageValidated && !this.utf8.update(buffer, from, to)) {
			throw new WebSocketProtocolException(CloseStatus.INVALID_PAYLOAD.code(),
					"The text message is not valid UTF-8.");
		}
	}

	/** Delivers {@code in} from its position to {@code end} as a piece, without copying. */
	private boolean deliverFromInput(ByteBuffer in, int end, WsReceiverListener listener)
			throws WebSocketProtocolException {
		int limit = in.limit();
		in.limit(end);
		try {
			return deliver(in, listener);
		}
		finally {
			in.limit(limit).position(end);
		}
	}

	private boolean deliver(ByteBuffer piece, WsReceiverListener listener) throws WebSocketProtocolException {
		boolean last = this.fin && this.payloadRemaining == 0;
		if (last && this.messageValidated && !this.utf8.isComplete()) {
			throw new WebSocketProtocolException(CloseStatus.INVALID_PAYLOAD.code(),
					"The text message ends inside a UTF-8 sequence.");
		}
		boolean first = !this.messageDelivered;
		this.messageDelivered = true;
		if (this.payloadRemaining == 0) {
			// Move on before calling out, so that a pause leaves the receiver ready for the next frame.
			this.state = State.FIRST_BYTE;
			if (this.fin) {
				this.messageInProgress = false;
				this.messageSize = 0;
			}
		}
		return listener.onData(piece, this.messageBinary, first, last, this.payloadRemaining, this.fin);
	}

	private boolean readControlPayload(ByteBuffer in, WsReceiverListener listener) throws WebSocketProtocolException {
		int length = (int) this.payloadLength;
		boolean nothingHeld = this.controlBuffer == null || this.controlBuffer.position() == 0;
		if (nothingHeld && in.remaining() >= length) {
			int start = in.position();
			int end = start + length;
			PayloadMasker.mask(in, start, end, this.maskKey, 0);
			this.payloadRemaining = 0;
			int limit = in.limit();
			in.limit(end);
			try {
				control(in, listener);
			}
			finally {
				in.limit(limit).position(end);
			}
			return true;
		}
		if (!in.hasRemaining()) {
			return false;
		}
		ByteBuffer buffer = controlBuffer();
		int start = buffer.position();
		int count = (int) Math.min(in.remaining(), this.payloadRemaining);
		buffer.put(start, in, in.position(), count).position(start + count);
		in.position(in.position() + count);
		PayloadMasker.mask(buffer, start, start + count, this.maskKey, start);
		this.payloadRemaining -= count;
		if (this.payloadRemaining > 0) {
			return false;
		}
		buffer.flip();
		try {
			control(buffer, listener);
		}
		finally {
			buffer.clear();
		}
		return true;
	}

	private void control(ByteBuffer payload, WsReceiverListener listener) throws WebSocketProtocolException {
		this.state = State.FIRST_BYTE;
		switch (this.opcode) {
			case PING -> listener.onPing(payload);
			case PONG -> listener.onPong(payload);
			default -> close(payload, listener);
		}
	}

	private void close(ByteBuffer payload, WsReceiverListener listener) throws WebSocketProtocolException {
		int code = CloseStatus.NO_STATUS.code();
		if (payload.hasRemaining()) {
			// At least 2 bytes: a 1-byte close payload was refused with the header.
			int at = payload.position();
			code = ((payload.get(at) & 0xFF) << 8) | (payload.get(at + 1) & 0xFF);
			if (!CloseStatus.isReceivable(code)) {
				throw protocolError("Close code " + code + " is not allowed in a close frame.");
			}
			if (this.config.validateUtf8() && !Utf8Validator.isValid(payload, at + 2, payload.limit())) {
				throw new WebSocketProtocolException(CloseStatus.INVALID_PAYLOAD.code(),
						"The close reason is not valid UTF-8.");
			}
			payload.position(at + 2);
		}
		this.state = State.CLOSED;
		listener.onClose(code, payload);
	}

	private ByteBuffer dataBuffer() {
		if (this.dataBuffer == null) {
			this.dataBuffer = ByteBuffer.allocate(this.config.rxBufferSize());
		}
		return this.dataBuffer;
	}

	private ByteBuffer controlBuffer() {
		if (this.controlBuffer == null) {
			this.controlBuffer = ByteBuffer.allocate(FrameHeader.MAX_CONTROL_PAYLOAD);
		}
		return this.controlBuffer;
	}

	private static WebSocketProtocolException protocolError(String reason) {
		return new WebSocketProtocolException(CloseStatus.PROTOCOL_ERR.code(), reason);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("WsReceiver[state=").append(this.state);
		if (this.opcode != null) {
			text.append(", frame=").append(this.opcode)
				.append(this.fin ? " fin" : "")
				.append(this.rsv1 ? " rsv1" : "")
				.append(this.masked ? " masked" : "")
				.append(" length=").append(this.payloadLength)
				.append(" remaining=").append(this.payloadRemaining);
		}
		text.append(", message=");
		if (this.messageInProgress) {
			text.append(this.messageBinary ? "binary" : "text")
				.append(this.messageRsv1 ? " rsv1" : "")
				.append(" size=").append(this.messageSize)
				.append(this.messageValidated ? " utf8=" + (this.utf8.isComplete() ? "complete" : "partial") : "");
		}
		else {
			text.append("none");
		}
		text.append(", buffered=").append((this.dataBuffer != null) ? this.dataBuffer.position() : 0)
			.append("+").append((this.controlBuffer != null) ? this.controlBuffer.position() : 0)
			.append(", config=").append(this.config)
			.append("]");
		return text.toString();
	}

}

package io.lws.core.ext;

import java.nio.ByteBuffer;

/**
 * The buffers of one payload transformation ({@code PACKET_RX_PREPARSE} or {@code PACKET_TX_PRESEND}): libwebsockets'
 * {@code struct lws_tokens}, with both sides explicit. The engine sets the input and the facts about the message; the
 * extension consumes input (moving {@link #in()}'s position) and points {@link #out()} at what it produced, which may
 * be a view of its own buffer: the engine uses the output before the next call and never keeps it.
 * <p>
 * One instance per connection and direction, reused for every call: confined to the connection's service thread.
 */
public final class ExtensionPayload {

	private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

	private ByteBuffer in = EMPTY;

	private ByteBuffer out = EMPTY;

	private boolean binary;

	private boolean messageStart;

	private boolean messageEnd;

	private boolean rsv1;

	private int outLimit = Integer.MAX_VALUE;

	/**
	 * Sets what the engine passes in for a new input.
	 * @param in the payload bytes, between position and limit
	 * @param binary whether the message is binary
	 * @param messageStart whether this input starts a message
	 * @param messageEnd whether this input ends the message (its last piece, or a write with FIN)
	 * @param rsv1 on receive, whether the message had RSV1 set; on send, cleared for the extension to set
	 * @param outLimit the most bytes the extension may return per call
	 * @return this
	 */
	public ExtensionPayload reset(ByteBuffer in, boolean binary, boolean messageStart, boolean messageEnd,
			boolean rsv1, int outLimit) {
		this.in = in;
		this.out = EMPTY;
		this.binary = binary;
		this.messageStart = messageStart;
		this.messageEnd = messageEnd;
		this.rsv1 = rsv1;
		this.outLimit = outLimit;
		return this;
	}

	/** The input still to transform, between position and limit; the extension moves the position as it consumes. */
	public ByteBuffer in() {
		return this.in;
	}

	/** Replaces the input (the engine does, when it resumes from a copy of an input it had to keep). */
	public void in(ByteBuffer in) {
		this.in = in;
	}

	/** What the last call produced, between position and limit; empty when nothing. */
	public ByteBuffer out() {
		return this.out;
	}

	/** Sets the output of this call; valid until the next call. */
	public void out(ByteBuffer out) {
		this.out = (out != null) ? out : EMPTY;
	}

	/** Whether the message is binary (else text). */
	public boolean binary() {
		return this.binary;
	}

	/** Whether the input starts a message. */
	public boolean messageStart() {
		return this.messageStart;
	}

	/** Whether the input is the end of its message. */
	public boolean messageEnd() {
		return this.messageEnd;
	}

	/**
	 * On receive: whether the message had RSV1 set on its first frame. On send: whether the extension transformed
	 * the message so that its first frame must carry RSV1 (the extension sets it with {@link #rsv1(boolean)}).
	 */
	public boolean rsv1() {
		return this.rsv1;
	}

	/** Sets the RSV1 fact; see {@link #rsv1()}. */
	public void rsv1(boolean rsv1) {
		this.rsv1 = rsv1;
	}

	/** The most bytes one call may put in {@link #out()}: the piece size the protocol asked for. */
	public int outLimit() {
		return this.outLimit;
	}

	@Override
	public String toString() {
		return "ExtensionPayload[in=" + this.in.remaining() + ", out=" + this.out.remaining()
				+ (this.binary ? ", binary" : ", text") + (this.messageStart ? ", start" : "")
				+ (this.messageEnd ? ", end" : "") + (this.rsv1 ? ", rsv1" : "") + ", outLimit=" + this.outLimit + "]";
	}

}

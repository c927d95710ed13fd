package io.lws.core.ws;

import java.nio.ByteBuffer;

/**
 * Gathers the pieces of one message into a whole, up to a limit: the opt-in answer to "my message arrives in pieces"
 * ({@link io.lws.core.LwsProtocol.Builder#wholeMessages(int)}). The buffer grows as messages need and is kept for
 * the next message, unless it grew past {@link #KEPT_CAPACITY}, so one large message does not pin its memory.
 * <p>
 * Not thread-safe: one per connection.
 */
public final class MessageAssembler {

	/** Buffers up to this size are kept between messages; larger ones are dropped after use. */
	public static final int KEPT_CAPACITY = 64 * 1024;

	private final int limit;

	private ByteBuffer buffer;

	/**
	 * An assembler.
	 * @param limit the largest whole message, in bytes
	 */
	public MessageAssembler(int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("The message limit must be positive, not " + limit);
		}
		this.limit = limit;
	}

	/** The largest whole message. */
	public int limit() {
		return this.limit;
	}

	/**
	 * Adds a piece.
	 * @param piece the bytes, consumed
	 * @return {@code false}, adding nothing, when the message would grow past the limit
	 */
	public boolean add(ByteBuffer piece) {
		int size = (this.buffer != null) ? this.buffer.position() : 0;
		int needed = size + piece.remaining();
		if (needed > this.limit || needed < 0) {
			return false;
		}
		if (this.buffer == null || this.buffer.capacity() < needed) {
			int cap = (this.buffer != null) ? this.buffer.capacity() : 0;
			cap = Math.max(Math.max(cap * 2, 256), needed);
			ByteBuffer bigger = ByteBuffer.allocate(Math.min(cap, this.limit));
			if (this.buffer != null) {
				this.buffer.flip();
				bigger.put(this.buffer);
			}
			this.buffer = bigger;
		}
		this.buffer.put(piece);
		return true;
	}

	/** The whole message gathered so far, as a view from 0 to its end; valid until {@link #clear()}. */
	public ByteBuffer message() {
		if (this.buffer == null) {
			return ByteBuffer.allocate(0);
		}
		ByteBuffer view = this.buffer.duplicate();
		view.flip();
		return view;
	}

	/** Forgets the message; drops a buffer that grew large. */
	public void clear() {
		if (this.buffer != null) {
			if (this.buffer.capacity() > KEPT_CAPACITY) {
				this.buffer = null;
			}
			else {
				this.buffer.clear();
			}
		}
	}

}

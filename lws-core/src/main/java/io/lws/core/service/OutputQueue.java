package io.lws.core.service;

import java.io.IOException;
import java.nio.ByteBuffer;

import io.lws.core.tls.Transport;
import io.lws.core.ws.FrameWriter;

/**
 * A connection's bytes waiting to go out: libwebsockets' {@code buflist_out}, kept as one buffer taken from the service
 * thread's spares and given back as soon as it is empty, so an idle connection holds none.
 * <p>
 * The buffer grows by doubling when a burst does not fit; the {@link Connection} decides whether to write early
 * instead, and enforces {@code tx_buffer_limit} before appending. Only the owning service thread touches it.
 */
final class OutputQueue {

	private final ServiceThread pt;

	/** In write mode: the queued bytes are [0, position); {@code null} when nothing is queued. */
	private ByteBuffer out;

	OutputQueue(ServiceThread pt) {
		this.pt = pt;
	}

	/** Bytes queued. */
	int size() {
		return (this.out != null) ? this.out.position() : 0;
	}

	/** Whether a buffer is held (it may be empty until {@link #release()}). */
	boolean holdsBuffer() {
		return this.out != null;
	}

	/**
	 * Whether {@code more} bytes would not fit a buffer that is already at the large pooled size: appending them would
	 * grow (and copy) it, where writing first would not.
	 */
	boolean wouldGrowLarge(int more) {
		return this.out != null && this.out.remaining() < more && this.out.capacity() >= ServiceThread.LARGE_OUT_BUFFER;
	}

	/**
	 * Appends {@code first} and then {@code second}, masking the copy of {@code second} with {@code maskKey} when
	 * {@code mask} is set (a client's frames, RFC 6455 section 5.3); the callers' buffers are consumed, not changed.
	 * @param limit the largest the buffer may need to grow to ({@code tx_buffer_limit}), checked by the caller
	 */
	void append(ByteBuffer first, ByteBuffer second, boolean mask, int maskKey, long limit) {
		int total = first.remaining() + ((second != null) ? second.remaining() : 0);
		if (this.out == null) {
			this.out = this.pt.takeOutBuffer(total);
		}
		else if (this.out.remaining() < total) {
			grow(total, limit);
		}
		this.out.put(first);
		if (second != null) {
			int from = this.out.position();
			this.out.put(second);
			if (mask) {
				FrameWriter.mask(this.out, from, this.out.position(), maskKey);
			}
		}
	}

	private void grow(int total, long limit) {
		int pending = this.out.position();
		int cap = this.out.capacity();
		while (cap - pending < total) {
			cap = Math.min(Math.max(cap * 2, 1024), (int) Math.min(Integer.MAX_VALUE - 8, limit + 1024));
		}
		ByteBuffer bigger = this.pt.takeOutBuffer(cap);
		this.out.flip();
		bigger.put(this.out);
		this.pt.giveBackOutBuffer(this.out);
		this.out = bigger;
	}

	/**
	 * Writes what {@code transport} takes of the queued bytes and keeps the rest.
	 * @return the bytes written
	 * @throws IOException when the write failed; what was not written stays queued
	 */
	long writeTo(Transport transport) throws IOException {
		if (this.out == null || this.out.position() == 0) {
			return 0;
		}
		this.out.flip();
		long written = 0;
		try {
			long n;
			while (this.out.hasRemaining() && (n = transport.write(this.out)) > 0) {
				written += n;
			}
		}
		finally {
			this.out.compact();
		}
		return written;
	}

	/** Gives the buffer back to the thread's spares; what it held is dropped. */
	void release() {
		if (this.out != null) {
			this.pt.giveBackOutBuffer(this.out);
			this.out = null;
		}
	}

}

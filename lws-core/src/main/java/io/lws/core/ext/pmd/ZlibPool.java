package io.lws.core.ext.pmd;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * What the connections of one service thread share: compressors and decompressors lent for one message to
 * connections without context takeover, and the output buffers every connection uses for the length of one call.
 * One per thread (the connections of a thread are served one at a time, so nothing here is locked); a lent object is
 * reset when given back, so it carries nothing from one connection to the next.
 */
final class ZlibPool {

	/** How many idle compressors (and, separately, decompressors) a thread keeps; more are ended when given back. */
	static final int MAX_IDLE = 4;

	private final ArrayDeque<Deflater> deflaters = new ArrayDeque<>(MAX_IDLE);

	private final ArrayDeque<Inflater> inflaters = new ArrayDeque<>(MAX_IDLE);

	private ByteBuffer rxOut = ByteBuffer.allocate(0);

	private ByteBuffer txOut = ByteBuffer.allocate(0);

	Deflater takeDeflater(int level) {
		Deflater d = this.deflaters.pollFirst();
		if (d == null) {
			return new Deflater(level, true);
		}
		d.setLevel(level);
		return d;
	}

	void giveBack(Deflater d) {
		d.reset();
		if (this.deflaters.size() < MAX_IDLE) {
			this.deflaters.addFirst(d);
		}
		else {
			d.end();
		}
	}

	Inflater takeInflater() {
		Inflater i = this.inflaters.pollFirst();
		return (i != null) ? i : new Inflater(true);
	}

	void giveBack(Inflater i) {
		i.reset();
		if (this.inflaters.size() < MAX_IDLE) {
			this.inflaters.addFirst(i);
		}
		else {
			i.end();
		}
	}

	/** The receive output buffer, cleared, with at least {@code capacity} bytes; valid until the thread's next call. */
	ByteBuffer rxOut(int capacity) {
		if (this.rxOut.capacity() < capacity) {
			this.rxOut = ByteBuffer.allocate(capacity);
		}
		return this.rxOut.clear().limit(capacity);
	}

	/** The send output buffer, cleared, with exactly {@code capacity} bytes before its limit. */
	ByteBuffer txOut(int capacity) {
		if (this.txOut.capacity() < capacity) {
			this.txOut = ByteBuffer.allocate(capacity);
		}
		return this.txOut.clear().limit(capacity);
	}

	@Override
	public String toString() {
		return "ZlibPool[idle deflaters=" + this.deflaters.size() + ", idle inflaters=" + this.inflaters.size()
				+ ", rxOut=" + this.rxOut.capacity() + ", txOut=" + this.txOut.capacity() + "]";
	}

}

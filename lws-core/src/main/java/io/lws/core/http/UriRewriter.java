package io.lws.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Replaces every occurrence of one string with another in a body that arrives in pieces: what a client connection
 * does to {@code text/html} responses with {@code uri_replace_from} / {@code uri_replace_to}. A match may straddle
 * pieces; the bytes of a partial match are held back (never more than the search string's length) until the next
 * piece decides. Matching is on bytes (UTF-8), with the Knuth-Morris-Pratt failure table so nothing is read twice.
 * <p>
 * Not thread-safe: one per connection.
 */
public final class UriRewriter {

	private final byte[] from;

	private final byte[] to;

	/** For each prefix length of {@link #from}, the length of its longest proper prefix that is also its suffix. */
	private final int[] fail;

	/** How many bytes of {@link #from} the input has matched so far (held back, not yet passed on). */
	private int matched;

	private ByteBuffer out = ByteBuffer.allocate(1024);

	/**
	 * A rewriter.
	 * @param from the text to replace, not empty
	 * @param to its replacement
	 */
	public UriRewriter(String from, String to) {
		if (from.isEmpty()) {
			throw new IllegalArgumentException("The text to replace must not be empty");
		}
		this.from = from.getBytes(StandardCharsets.UTF_8);
		this.to = to.getBytes(StandardCharsets.UTF_8);
		this.fail = new int[this.from.length];
		for (int i = 1, k = 0; i < this.from.length; i++) {
			while (k > 0 && this.from[i] != this.from[k]) {
				k = this.fail[k - 1];
			}
			if (this.from[i] == this.from[k]) {
				k++;
			}
			this.fail[i] = k;
		}
	}

	/**
	 * Rewrites one piece and passes what is decided on to {@code sink} (nothing when all of it may still be part of
	 * a match).
	 * @param piece the bytes, consumed
	 * @param sink receives the rewritten bytes, valid during the call
	 */
	public void rewrite(ByteBuffer piece, BodySink sink) {
		this.out.clear();
		while (piece.hasRemaining()) {
			byte b = piece.get();
			while (this.matched > 0 && b != this.from[this.matched]) {
				int keep = this.fail[this.matched - 1];
				// the held-back bytes before the shorter candidate are decided: they are plain text
				emit(this.from, 0, this.matched - keep);
				this.matched = keep;
			}
			if (b == this.from[this.matched]) {
				this.matched++;
				if (this.matched == this.from.length) {
					emit(this.to, 0, this.to.length);
					this.matched = 0;
				}
			}
			else {
				emit(b);
			}
		}
		deliver(sink);
	}

	/**
	 * The body ended: passes on the bytes held back for a match that can no longer complete.
	 * @param sink receives them
	 */
	public void finish(BodySink sink) {
		this.out.clear();
		emit(this.from, 0, this.matched);
		this.matched = 0;
		deliver(sink);
	}

	private void deliver(BodySink sink) {
		this.out.flip();
		if (this.out.hasRemaining()) {
			sink.onBody(this.out);
		}
	}

	private void emit(byte b) {
		ensure(1);
		this.out.put(b);
	}

	private void emit(byte[] bytes, int offset, int length) {
		ensure(length);
		this.out.put(bytes, offset, length);
	}

	private void ensure(int more) {
		if (this.out.remaining() < more) {
			ByteBuffer bigger = ByteBuffer.allocate(Math.max(this.out.capacity() * 2, this.out.position() + more));
			this.out.flip();
			bigger.put(this.out);
			this.out = bigger;
		}
	}

}

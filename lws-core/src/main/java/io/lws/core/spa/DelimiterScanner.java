package io.lws.core.spa;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Separates part content from the next boundary delimiter, {@code CRLF "--" boundary} (RFC 2046 section 5.1.1),
 * in a stream cut anywhere, without buffering: libwebsockets' multipart boundary matching in {@code lws-spa.c}.
 * <p>
 * Bytes that might start the delimiter are held back only as a count of how much of it matched, since they are
 * the delimiter's own bytes; if the match fails, that prefix is handed on as content from the delimiter itself. The
 * search can restart at the failing byte because a boundary never holds CR: a CR, the delimiter's first byte, can
 * appear nowhere else in it, so no match can begin inside a failed one.
 * <p>
 * The scanner stops right after the boundary; what follows it (the {@code --} that closes the body, or padding and
 * CRLF before the next part) is for the caller to read.
 */
final class DelimiterScanner {

	private final byte[] delimiter;

	/** How many bytes of the delimiter matched so far. */
	private int matched;

	/** How many of the matched bytes came in earlier input buffers and were not handed on. */
	private int carried;

	/**
	 * A scanner for the given boundary, primed as if a CRLF had just been read: the body's first delimiter has no
	 * CRLF before it when the preamble is empty.
	 */
	DelimiterScanner(String boundary) {
		this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
		this.matched = 2;
		this.carried = 2;
	}

	/**
	 * Hands the content in {@code in} to {@code sink} up to the next delimiter.
	 * @return {@code true} with {@code in}'s position just past the delimiter and {@link PartSink#end(ByteBuffer)}
	 * called; {@code false} with all of {@code in} consumed, the content in it handed on except what may start the
	 * delimiter
	 */
	boolean scan(ByteBuffer in, PartSink sink) throws SpaException, IOException {
		int start = in.position();
		int limit = in.limit();
		int pos = start;
		while (pos < limit) {
			byte b = in.get(pos);
			if (b == this.delimiter[this.matched]) {
				pos++;
				if (++this.matched == this.delimiter.length) {
					int contentEnd = pos - (this.matched - this.carried);
					this.matched = 0;
					this.carried = 0;
					in.position(pos);
					sink.end(in.slice(start, contentEnd - start));
					return true;
				}
			}
			else if (this.matched > 0) {
				// The partial match was content; what of it came earlier is passed on from the delimiter itself,
				// what is in this buffer stays between start and pos. The same byte is then tried as a new start.
				if (this.carried > 0) {
					sink.content(ByteBuffer.wrap(this.delimiter, 0, this.carried));
					this.carried = 0;
				}
				this.matched = 0;
			}
			else {
				pos = nextCr(in, pos + 1, limit);
			}
		}
		int held = this.matched - this.carried;
		in.position(limit);
		if (limit - held > start) {
			sink.content(in.slice(start, limit - held - start));
		}
		this.carried = this.matched;
		return false;
	}

	/** The index of the next CR at or after {@code from}, or {@code limit}: only a CR can start the delimiter. */
	private static int nextCr(ByteBuffer in, int from, int limit) {
		int pos = from;
		while (pos < limit && in.get(pos) != FormChars.CR) {
			pos++;
		}
		return pos;
	}

}

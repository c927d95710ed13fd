package io.lws.core.service;

import java.nio.ByteBuffer;

import io.lws.core.http.BodySink;
import io.lws.core.http.ChunkedBodyDecoder;
import io.lws.core.http.HeaderTable;
import io.lws.core.http.ParseResult;

/**
 * How a response's body is delimited (RFC 9112 section 6.3) and its decoding: none (HEAD, 1xx, 204, 304), a
 * Content-Length, chunked, or everything until the server closes. One per client connection, reused across
 * responses.
 */
final class ClientResponseBody {

	private enum Framing {

		/** No body at all. */
		NONE,
		/** Exactly {@code remaining} more bytes. */
		LENGTH,
		/** Chunked transfer coding. */
		CHUNKED,
		/** Until the end of the connection. */
		TO_EOF

	}

	private Framing framing = Framing.NONE;

	private long remaining;

	private ChunkedBodyDecoder chunked;

	/**
	 * Reads the framing of a response.
	 * @param t the complete response head
	 * @param method the request's method
	 */
	void start(HeaderTable t, String method) {
		int status = t.responseStatus();
		if ("HEAD".equals(method) || status < 200 || status == 204 || status == 304) {
			this.framing = Framing.NONE;
		}
		else if (t.isChunked()) {
			this.framing = Framing.CHUNKED;
			if (this.chunked == null) {
				this.chunked = new ChunkedBodyDecoder();
			}
			this.chunked.reset();
		}
		else if (t.contentLength() >= 0) {
			this.framing = (t.contentLength() == 0) ? Framing.NONE : Framing.LENGTH;
			this.remaining = t.contentLength();
		}
		else {
			this.framing = Framing.TO_EOF;
		}
	}

	/** Whether the body is already complete (there is none). */
	boolean isEmpty() {
		return this.framing == Framing.NONE;
	}

	/** Whether the body ends only when the server closes, so the connection cannot be kept. */
	boolean endsAtClose() {
		return this.framing == Framing.TO_EOF;
	}

	/**
	 * Decodes body bytes.
	 * @param in bytes from the server; what follows the body (nothing should) stays unconsumed
	 * @param sink receives the body's data
	 * @return {@code COMPLETE} at the body's end, {@code NEED_MORE}, or {@code ERROR} for broken chunked framing
	 */
	ParseResult feed(ByteBuffer in, BodySink sink) {
		switch (this.framing) {
			case NONE -> {
				return ParseResult.COMPLETE;
			}
			case CHUNKED -> {
				return this.chunked.decode(in, sink);
			}
			case LENGTH -> {
				int n = (int) Math.min(in.remaining(), this.remaining);
				if (n > 0) {
					ByteBuffer piece = in.duplicate();
					piece.limit(piece.position() + n);
					in.position(in.position() + n);
					this.remaining -= n;
					sink.onBody(piece);
				}
				return (this.remaining == 0) ? ParseResult.COMPLETE : ParseResult.NEED_MORE;
			}
			default -> {
				if (in.hasRemaining()) {
					ByteBuffer piece = in.duplicate();
					in.position(in.limit());
					sink.onBody(piece);
				}
				return ParseResult.NEED_MORE;
			}
		}
	}

	/** Why chunked decoding failed. */
	String errorReason() {
		return (this.chunked != null) ? this.chunked.errorReason() : null;
	}

}

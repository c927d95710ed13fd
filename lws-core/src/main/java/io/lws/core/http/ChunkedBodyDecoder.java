package io.lws.core.http;

import java.nio.ByteBuffer;

/**
 * Decodes a request body sent with {@code Transfer-Encoding: chunked} (RFC 9112 section 7.1), incrementally and
 * without allocating: the chunk data goes to a {@link BodySink}, chunk extensions and trailer fields are read and
 * dropped. libwebsockets 4.1.6 does not decode chunked request bodies at all (it ignores them); this is what its
 * {@code LWS_CALLBACK_HTTP_BODY} path would need.
 * <p>
 * Framing is strict: every line ends in CRLF (a bare LF would let a front end and this server disagree on where
 * a chunk ends), sizes are hexadecimal and must fit in a long, and extensions and trailers are bounded, so a
 * client cannot make the server read unbounded framing. On {@link ParseResult#ERROR} the caller answers 400 and
 * closes the connection.
 * <p>
 * Reusable with {@link #reset()}. Not thread-safe: it belongs to the connection's service thread.
 */
public final class ChunkedBodyDecoder {

	/** Bytes of chunk extension accepted per chunk unless told otherwise. */
	public static final int DEFAULT_MAX_EXTENSION_LENGTH = 256;

	/** Bytes of trailer section accepted unless told otherwise: lws' default {@code max_http_header_data}. */
	public static final int DEFAULT_MAX_TRAILER_LENGTH = 4096;

	static final String BAD_SIZE = "The chunk size is not a hexadecimal number.";

	static final String SIZE_OVERFLOW = "The chunk size does not fit in a long.";

	static final String EXTENSION_TOO_LONG = "The chunk extension is too long.";

	static final String BAD_EXTENSION = "The chunk extension contains a control character.";

	static final String BAD_LINE_END = "A chunk line does not end with CRLF.";

	static final String DATA_WITHOUT_CRLF = "The chunk data is not followed by CRLF.";

	static final String TRAILER_TOO_LONG = "The trailer section is too long.";

	static final String BAD_TRAILER = "A trailer line is not a header field (name, colon, value).";

	/** Where in the chunked framing the next byte falls. */
	private enum State {

		/** The first hex digit of a chunk size. */
		SIZE_START,
		/** More hex digits, or the end of the size. */
		SIZE,
		/** A chunk extension, skipped up to its CR. */
		EXTENSION,
		/** The LF ending a chunk-size line. */
		SIZE_LF,
		/** Chunk data, passed to the sink. */
		DATA,
		/** The CR after chunk data. */
		DATA_CR,
		/** The LF after chunk data. */
		DATA_LF,
		/** The start of a trailer line, or the CR of the final empty line. */
		TRAILER_START,
		/** Inside a trailer field line, skipped up to its CR. */
		TRAILER,
		/** The LF ending a trailer field line. */
		TRAILER_LF,
		/** The LF of the final empty line. */
		FINAL_LF,
		/** The body ended. */
		COMPLETE,
		/** The framing was refused. */
		ERROR

	}

	private final int maxExtensionLength;

	private final int maxTrailerLength;

	private State state;

	/** The chunk size being read, then the data bytes of the chunk still to come. */
	private long remaining;

	private int extensionLength;

	private int trailerLength;

	/** Whether the trailer line being read is past its name's colon. */
	private boolean trailerInValue;

	private long bodyLength;

	private String error;

	/** A decoder with {@link #DEFAULT_MAX_EXTENSION_LENGTH} and {@link #DEFAULT_MAX_TRAILER_LENGTH}. */
	public ChunkedBodyDecoder() {
		this(DEFAULT_MAX_EXTENSION_LENGTH, DEFAULT_MAX_TRAILER_LENGTH);
	}

	/**
	 * A decoder with its own bounds on the framing it skips.
	 * @param maxExtensionLength the bytes of extension accepted after one chunk size, from its first {@code ;} or
	 * whitespace to its CR
	 * @param maxTrailerLength the bytes of trailer field lines accepted in total, line endings included, the final
	 * empty line not
	 */
	public ChunkedBodyDecoder(int maxExtensionLength, int maxTrailerLength) {
		if (maxExtensionLength < 0 || maxTrailerLength < 0) {
			throw new IllegalArgumentException("The chunk extension and trailer limits must not be negative, got "
					+ maxExtensionLength + " and " + maxTrailerLength);
		}
		this.maxExtensionLength = maxExtensionLength;
		this.maxTrailerLength = maxTrailerLength;
		reset();
	}

	/** Gets ready for the next body. */
	public void reset() {
		this.state = State.SIZE_START;
		this.remaining = 0;
		this.extensionLength = 0;
		this.trailerLength = 0;
		this.bodyLength = 0;
		this.error = null;
	}

	/**
	 * Consumes chunked body bytes and passes the data in them to {@code sink}.
	 * @param in the bytes read, from its position to its limit; any size, one byte at a time included
	 * @param sink receives the data, in pieces that are views of {@code in}
	 * @return {@link ParseResult#NEED_MORE} when all of {@code in} was consumed and the body is not finished;
	 * {@link ParseResult#COMPLETE} with {@code in}'s position just past the CRLF ending the trailer section, so a
	 * pipelined request stays unconsumed; {@link ParseResult#ERROR} when the framing is refused (see
	 * {@link #errorReason()}). Once complete or refused, further calls return the same and consume nothing until
	 * {@link #reset()}. If {@code sink} throws, the exception propagates and the decoder must be reset.
	 */
	public ParseResult decode(ByteBuffer in, BodySink sink) {
		while (in.hasRemaining()) {
			if (this.state == State.DATA) {
				deliver(in, sink);
				continue;
			}
			if (this.state == State.COMPLETE || this.state == State.ERROR) {
				break;
			}
			step(in.get());
		}
		return switch (this.state) {
			case COMPLETE -> ParseResult.COMPLETE;
			case ERROR -> ParseResult.ERROR;
			default -> ParseResult.NEED_MORE;
		};
	}

	/** Hands the sink as much of the current chunk as {@code in} holds, as a narrowed view of {@code in}. */
	private void deliver(ByteBuffer in, BodySink sink) {
		int start = in.position();
		int limit = in.limit();
		int length = (int) Math.min(this.remaining, limit - start);
		in.limit(start + length);
		try {
			sink.onBody(in);
		}
		finally {
			in.limit(limit);
			in.position(start + length);
		}
		this.remaining -= length;
		this.bodyLength += length;
		if (this.remaining == 0) {
			this.state = State.DATA_CR;
		}
	}

	/** Advances the framing by one byte outside chunk data. */
	private void step(byte b) {
		switch (this.state) {
			case SIZE_START -> {
				int digit = HttpChars.hexValue(b);
				if (digit < 0) {
					fail(BAD_SIZE);
					return;
				}
				this.remaining = digit;
				this.state = State.SIZE;
			}
			case SIZE -> {
				int digit = HttpChars.hexValue(b);
				if (digit >= 0) {
					if (this.remaining > (Long.MAX_VALUE >>> 4)) {
						fail(SIZE_OVERFLOW);
						return;
					}
					this.remaining = (this.remaining << 4) | digit;
				}
				else if (b == HttpChars.CR) {
					this.state = State.SIZE_LF;
				}
				else if (b == ';' || HttpChars.isOws(b)) {
					this.extensionLength = 0;
					this.state = State.EXTENSION;
					extension(b);
				}
				else {
					fail((b == HttpChars.LF) ? BAD_LINE_END : BAD_SIZE);
				}
			}
			case EXTENSION -> {
				if (b == HttpChars.CR) {
					this.state = State.SIZE_LF;
				}
				else {
					extension(b);
				}
			}
			case SIZE_LF -> {
				if (b != HttpChars.LF) {
					fail(BAD_LINE_END);
				}
				else {
					this.state = (this.remaining == 0) ? State.TRAILER_START : State.DATA;
				}
			}
			case DATA_CR -> this.state = (b == HttpChars.CR) ? State.DATA_LF : fail(DATA_WITHOUT_CRLF);
			case DATA_LF -> this.state = (b == HttpChars.LF) ? State.SIZE_START : fail(DATA_WITHOUT_CRLF);
			case TRAILER_START -> {
				if (b == HttpChars.CR) {
					this.state = State.FINAL_LF;
				}
				else if (!HttpChars.isTchar(b)) {
					// obs-fold, an empty name, or a request line where a trailer should be: refused as in a head
					fail((b == HttpChars.LF) ? BAD_LINE_END : BAD_TRAILER);
				}
				else {
					this.state = State.TRAILER;
					this.trailerInValue = false;
					trailer(b);
				}
			}
			case TRAILER -> {
				if (b == HttpChars.CR) {
					if (!this.trailerInValue) {
						fail(BAD_TRAILER);
						return;
					}
					this.state = State.TRAILER_LF;
				}
				else if (!this.trailerInValue) {
					if (b == ':') {
						this.trailerInValue = true;
					}
					else if (!HttpChars.isTchar(b)) {
						fail((b == HttpChars.LF) ? BAD_LINE_END : BAD_TRAILER);
						return;
					}
				}
				else if (b != HttpChars.LF && b != '\t' && HttpChars.isControl(b)) {
					fail(BAD_TRAILER);
					return;
				}
				trailer(b);
			}
			case TRAILER_LF -> {
				if (b != HttpChars.LF) {
					fail(BAD_LINE_END);
				}
				else {
					this.state = State.TRAILER_START;
					countTrailer();
				}
			}
			case FINAL_LF -> this.state = (b == HttpChars.LF) ? State.COMPLETE : fail(BAD_LINE_END);
			default -> throw new IllegalStateException("No framing byte is read in state " + this.state);
		}
	}

	private void extension(byte b) {
		if (b == HttpChars.LF || HttpChars.isControl(b)) {
			fail((b == HttpChars.LF) ? BAD_LINE_END : BAD_EXTENSION);
		}
		else if (++this.extensionLength > this.maxExtensionLength) {
			fail(EXTENSION_TOO_LONG);
		}
	}

	/** Skips one byte of a trailer field line; the fields are not needed, only bounded. */
	private void trailer(byte b) {
		if (b == HttpChars.LF) {
			fail(BAD_LINE_END);
		}
		else {
			countTrailer();
		}
	}

	private void countTrailer() {
		if (++this.trailerLength > this.maxTrailerLength) {
			fail(TRAILER_TOO_LONG);
		}
	}

	private State fail(String reason) {
		this.error = reason;
		this.state = State.ERROR;
		return State.ERROR;
	}

	/**
	 * Why the framing was refused.
	 * @return one plain sentence after {@link ParseResult#ERROR}, otherwise {@code null}
	 */
	public String errorReason() {
		return this.error;
	}

	/**
	 * How many body bytes have been passed to sinks since the last {@link #reset()}.
	 * @return the decoded length so far
	 */
	public long bodyLength() {
		return this.bodyLength;
	}

	@Override
	public String toString() {
		return "ChunkedBodyDecoder{state=" + this.state + ", remaining=" + this.remaining + ", body=" + this.bodyLength
				+ ((this.error != null) ? ", error=" + this.error : "") + "}";
	}

}

package io.lws.core.spa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.lws.core.http.HttpChars;

/**
 * Reads the header section of one multipart part, line by line, within {@link SpaConfig#maxPartHeaderSize()}, and
 * keeps only its {@code Content-Disposition}: the other headers of RFC 7578 ({@code Content-Type} and the
 * deprecated {@code Content-Transfer-Encoding}) change nothing about how the content is stored or streamed.
 * <p>
 * Lines end in CRLF, as RFC 2046 requires and browsers send; header names are matched ignoring case. Bare LF,
 * control characters, lines without a colon and folded lines are refused rather than guessed at, and the line
 * buffer is allocated once at the section limit, so a header bomb costs a bounded buffer and a 400.
 */
final class PartHeaderReader {

	static final String TOO_LARGE = "A part's header section is too large.";

	static final String BAD_LINE_END = "A part header line does not end with CRLF.";

	static final String CONTROL = "A part header contains a control character.";

	static final String NO_COLON = "A part header line has no colon.";

	static final String FOLDED = "A part header line is folded.";

	static final String REPEATED = "A part has two Content-Disposition headers.";

	static final String MISSING = "A part has no Content-Disposition header.";

	private static final String CONTENT_DISPOSITION = "content-disposition";

	private final int maxSize;

	/** The current line, allocated on first use. */
	private byte[] line;

	private int lineLength;

	/** Bytes of this part's header section read so far, line ends included. */
	private int sectionSize;

	/** Whether the last byte was the CR of a line end. */
	private boolean sawCr;

	private ContentDisposition disposition;

	PartHeaderReader(int maxSize) {
		this.maxSize = maxSize;
	}

	/** Gets ready for the next part's headers. */
	void reset() {
		this.lineLength = 0;
		this.sectionSize = 0;
		this.sawCr = false;
		this.disposition = null;
	}

	/**
	 * Reads header bytes from {@code in}.
	 * @return {@code true} with {@code in}'s position just past the empty line that ends the section, when it was
	 * found; {@code false} with all of {@code in} consumed otherwise
	 * @throws SpaException (400) when the section is malformed, too large, or has no {@code Content-Disposition}
	 */
	boolean read(ByteBuffer in) throws SpaException {
		while (in.hasRemaining()) {
			byte b = in.get();
			if (++this.sectionSize > this.maxSize) {
				throw SpaException.badRequest(TOO_LARGE);
			}
			if (this.sawCr) {
				if (b != FormChars.LF) {
					throw SpaException.badRequest(BAD_LINE_END);
				}
				this.sawCr = false;
				if (this.lineLength == 0) {
					if (this.disposition == null) {
						throw SpaException.badRequest(MISSING);
					}
					return true;
				}
				headerLine();
				this.lineLength = 0;
			}
			else if (b == FormChars.CR) {
				this.sawCr = true;
			}
			else if (b == FormChars.LF) {
				throw SpaException.badRequest(BAD_LINE_END);
			}
			else if (HttpChars.isControl(b)) {
				throw SpaException.badRequest(CONTROL);
			}
			else {
				if (this.line == null) {
					this.line = new byte[this.maxSize];
				}
				this.line[this.lineLength++] = b;
			}
		}
		return false;
	}

	private void headerLine() throws SpaException {
		if (HttpChars.isOws(this.line[0])) {
			throw SpaException.badRequest(FOLDED);
		}
		int colon = 0;
		while (colon < this.lineLength && this.line[colon] != ':') {
			colon++;
		}
		if (colon == this.lineLength) {
			throw SpaException.badRequest(NO_COLON);
		}
		String name = new String(this.line, 0, colon, StandardCharsets.US_ASCII);
		if (!name.equalsIgnoreCase(CONTENT_DISPOSITION)) {
			return;
		}
		if (this.disposition != null) {
			throw SpaException.badRequest(REPEATED);
		}
		// Browsers send file names as raw UTF-8; HeaderValue trims the surrounding whitespace.
		String value = new String(this.line, colon + 1, this.lineLength - colon - 1, StandardCharsets.UTF_8);
		this.disposition = ContentDisposition.parse(value);
	}

	/**
	 * The section's {@code Content-Disposition}, once {@link #read(ByteBuffer)} returned {@code true}.
	 * @return the disposition
	 */
	ContentDisposition disposition() {
		return this.disposition;
	}

	/** The bytes of the line being read, held until its CRLF. */
	int pendingBytes() {
		return this.lineLength;
	}

}

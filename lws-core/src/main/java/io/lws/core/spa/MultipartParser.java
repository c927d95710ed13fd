package io.lws.core.spa;

import java.io.IOException;
import java.nio.ByteBuffer;

import io.lws.core.http.HttpChars;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578 over RFC 2046 section 5.1): libwebsockets'
 * {@code lws_urldecode_s_process()} in its multipart states. The preamble and epilogue are skipped; each part's
 * headers go to a {@link PartHeaderReader}, and its content to a {@link PartSink} chosen from the
 * {@code Content-Disposition}: a {@link FilePart} when it names a file, a {@link ValuePart} when its name was asked
 * for and not seen before, otherwise nowhere.
 * <p>
 * After a delimiter, {@code --} closes the body and anything else must be optional spaces or tabs (RFC 2046's
 * transport padding) and CRLF. The body is only whole once the closing delimiter was read; {@link #finish()} refuses
 * one that stops before.
 */
final class MultipartParser implements BodyParser {

	static final String BAD_DELIMITER = "A multipart boundary is followed by something other than CRLF or '--'.";

	static final String NO_CLOSING_DELIMITER = "The multipart body ends before its closing boundary.";

	/** Where in the body the next byte falls. */
	private enum State {

		/** Before the first delimiter: skipped. */
		PREAMBLE,
		/** Just after a delimiter: '-' for the closing one, padding or CR for another part. */
		AFTER_DELIMITER,
		/** The second '-' of a closing delimiter. */
		CLOSING_DASH,
		/** Transport padding after a delimiter, up to its CR. */
		PADDING,
		/** The LF after a delimiter line. */
		DELIMITER_LF,
		/** A part's header section. */
		HEADERS,
		/** A part's content, up to the next delimiter. */
		CONTENT,
		/** After the closing delimiter: skipped. */
		EPILOGUE

	}

	private final SpaConfig config;

	private final ParamNames names;

	private final ValueStore store;

	private final FileUploadListener listener;

	private final DelimiterScanner scanner;

	private final PartHeaderReader headers;

	private State state = State.PREAMBLE;

	/** Where the current part's content goes, {@link PartSink#DISCARD} outside a part. */
	private PartSink part = PartSink.DISCARD;

	private int parts;

	MultipartParser(SpaConfig config, String boundary, ParamNames names, ValueStore store,
			FileUploadListener listener) {
		this.config = config;
		this.names = names;
		this.store = store;
		this.listener = listener;
		this.scanner = new DelimiterScanner(boundary);
		this.headers = new PartHeaderReader(config.maxPartHeaderSize());
	}

	@Override
	public void process(ByteBuffer body) throws SpaException, IOException {
		while (body.hasRemaining()) {
			switch (this.state) {
				case PREAMBLE, CONTENT -> {
					if (this.scanner.scan(body, this.part)) {
						this.part = PartSink.DISCARD;
						this.state = State.AFTER_DELIMITER;
					}
				}
				case HEADERS -> {
					if (this.headers.read(body)) {
						this.part = startContent(this.headers.disposition());
						this.state = State.CONTENT;
					}
				}
				case EPILOGUE -> body.position(body.limit());
				default -> delimiterLine(body.get());
			}
		}
	}

	/** Reads one byte of what follows a delimiter. */
	private void delimiterLine(byte b) throws SpaException {
		switch (this.state) {
			case AFTER_DELIMITER -> {
				if (b == '-') {
					this.state = State.CLOSING_DASH;
				}
				else {
					padding(b);
				}
			}
			case CLOSING_DASH -> {
				if (b != '-') {
					throw SpaException.badRequest(BAD_DELIMITER);
				}
				this.state = State.EPILOGUE;
			}
			case PADDING -> padding(b);
			case DELIMITER_LF -> {
				if (b != FormChars.LF) {
					throw SpaException.badRequest(BAD_DELIMITER);
				}
				startPart();
			}
			default -> throw new IllegalStateException("No delimiter byte is read in state " + this.state);
		}
	}

	private void padding(byte b) throws SpaException {
		if (b == FormChars.CR) {
			this.state = State.DELIMITER_LF;
		}
		else if (HttpChars.isOws(b)) {
			this.state = State.PADDING;
		}
		else {
			throw SpaException.badRequest(BAD_DELIMITER);
		}
	}

	private void startPart() throws SpaException {
		if (++this.parts > this.config.maxParts()) {
			throw SpaException.tooLarge("The form has more than " + this.config.maxParts() + " parts.");
		}
		this.headers.reset();
		this.state = State.HEADERS;
	}

	private PartSink startContent(ContentDisposition disposition) throws IOException {
		if (disposition.isFile()) {
			return FilePart.open(this.listener, disposition.name(), disposition.fileName(),
					this.config.maxFileSize());
		}
		int index = this.names.indexOf(disposition.name());
		if (index >= 0 && this.store.open(index)) {
			return new ValuePart(this.store);
		}
		return PartSink.DISCARD;
	}

	@Override
	public void finish() throws SpaException {
		if (this.state != State.EPILOGUE) {
			throw SpaException.badRequest(NO_CLOSING_DELIMITER);
		}
	}

	@Override
	public void abort() throws IOException {
		PartSink open = this.part;
		this.part = PartSink.DISCARD;
		open.abort();
	}

	@Override
	public int pendingBytes() {
		return this.headers.pendingBytes();
	}

}

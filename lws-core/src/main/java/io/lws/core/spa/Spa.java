package io.lws.core.spa;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A streaming parser for the body of an HTML form: libwebsockets' {@code struct lws_spa} ("stateful POST
 * arguments"), created in {@code LWS_CALLBACK_HTTP} or on the first {@code LWS_CALLBACK_HTTP_BODY}, fed from every
 * {@code LWS_CALLBACK_HTTP_BODY}, and finished at {@code LWS_CALLBACK_HTTP_BODY_COMPLETION}.
 * <p>
 * Both encodings of HTML forms are read, chosen by the request's {@code Content-Type}:
 * <ul>
 * <li>{@code application/x-www-form-urlencoded}: {@code +} is a space and {@code %XX} a byte; a malformed escape
 * refuses the body;</li>
 * <li>{@code multipart/form-data} (RFC 7578): parts with a non-empty {@code filename} stream to the
 * {@link FileUploadListener}, other parts are values kept as sent, without decoding.</li>
 * </ul>
 * Only the values named in {@link SpaConfig#paramNames()} are kept, the first occurrence of each, decoded as UTF-8;
 * a value longer than the configured room is cut (never inside a UTF-8 character) and flagged by
 * {@link #truncated(String)}, as libwebsockets cuts it. Input may be split anywhere, even inside an escape, a boundary
 * or a part header, and the outcome is the same. Memory is bounded whatever the input: values by
 * {@link SpaConfig#maxStorage()}, part headers by {@link SpaConfig#maxPartHeaderSize()}, and boundary scanning and
 * urlencoded names hold no more than a few bytes; {@link #storedBytes()} tells the total.
 * <p>
 * A refused body raises a {@link SpaException} carrying the status to answer. Afterwards, like after
 * {@link #finish()} or {@link #close()}, the parser accepts no more input; the values read so far stay readable.
 * Not thread-safe: it belongs to the connection's service thread.
 */
public final class Spa implements AutoCloseable {

	/** Where the parser stands in its life. */
	private enum Phase {

		/** Reading the body. */
		READING,
		/** The body was whole. */
		FINISHED,
		/** The body was refused, or the listener threw. */
		FAILED,
		/** Closed before the body was whole. */
		CLOSED

	}

	private final boolean multipart;

	private final ParamNames names;

	private final ValueStore store;

	private final BodyParser parser;

	private Phase phase = Phase.READING;

	/**
	 * Creates a parser for one request body: libwebsockets' {@code lws_spa_create()} (4.x
	 * {@code lws_spa_create_via_info()}).
	 * @param config the names to keep and the limits
	 * @param contentType the request's {@code Content-Type} header value
	 * @param listener receives file parts, or {@code null} to drop them (they are still held to
	 * {@link SpaConfig#maxFileSize()})
	 * @throws IllegalArgumentException if {@code contentType} is absent, is neither form type, or is multipart
	 * without a valid boundary; {@link #isFormContentType(String)} tells beforehand
	 */
	public Spa(SpaConfig config, String contentType, FileUploadListener listener) {
		Objects.requireNonNull(config, "config");
		FormContentType type = FormContentType.parse(contentType);
		this.multipart = type.multipart();
		this.names = new ParamNames(config.paramNames());
		this.store = new ValueStore(this.names.count(), config.maxValueLength(), config.maxStorage());
		this.parser = this.multipart
				? new MultipartParser(config, type.boundary(), this.names, this.store, listener)
				: new UrlencodedParser(this.names, this.store);
	}

	/**
	 * Whether a request body with this {@code Content-Type} can be parsed, so a {@link Spa} can be created for it.
	 * libwebsockets leaves this check to the application.
	 * @param contentType the header value, or {@code null}
	 * @return {@code true} for {@code application/x-www-form-urlencoded}, and for {@code multipart/form-data} with a
	 * valid boundary; type and parameter names are matched ignoring case
	 */
	public static boolean isFormContentType(String contentType) {
		return FormContentType.isForm(contentType);
	}

	/**
	 * Whether the body is {@code multipart/form-data} rather than urlencoded; libwebsockets keeps this to itself.
	 * @return what the {@code Content-Type} said
	 */
	public boolean multipart() {
		return this.multipart;
	}

	/**
	 * Reads the next piece of the body: libwebsockets' {@code lws_spa_process()}, called from each
	 * {@code LWS_CALLBACK_HTTP_BODY}. File events for the piece are raised before this returns.
	 * @param body the bytes from position to limit, any amount, cut anywhere; all are consumed when this returns
	 * normally. Not kept after the call.
	 * @throws SpaException when the body is refused; an unfinished file part has been told
	 * {@link FileUploadState#CLOSE} by then
	 * @throws IOException when the file listener throws it
	 * @throws IllegalStateException after {@link #finish()}, {@link #close()} or a failure
	 */
	public void process(ByteBuffer body) throws SpaException, IOException {
		checkReading();
		try {
			this.parser.process(body);
		}
		catch (SpaException ex) {
			fail(ex);
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// The listener failed in the middle of an event: close() will still tell it CLOSE for an open file.
			this.phase = Phase.FAILED;
			throw ex;
		}
	}

	/**
	 * Ends the body: libwebsockets' {@code lws_spa_finalize()}, called at {@code LWS_CALLBACK_HTTP_BODY_COMPLETION}.
	 * The values are then final.
	 * @throws SpaException when the body is not a whole form: an urlencoded body ending inside an escape, or a
	 * multipart body without its closing boundary (an unfinished file part is told {@link FileUploadState#CLOSE})
	 * @throws IOException when the file listener throws it
	 * @throws IllegalStateException after {@link #finish()}, {@link #close()} or a failure
	 */
	public void finish() throws SpaException, IOException {
		checkReading();
		try {
			this.parser.finish();
		}
		catch (SpaException ex) {
			fail(ex);
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			this.phase = Phase.FAILED;
			throw ex;
		}
		this.phase = Phase.FINISHED;
	}

	/**
	 * Gives up on the body if it was not finished: libwebsockets' {@code lws_spa_destroy()}, which likewise tells
	 * the listener {@link FileUploadState#CLOSE} for a file part still open. Call it when the connection closes or
	 * the request ends, whatever happened; it does nothing the second time. Values stay readable.
	 * @throws IOException when the file listener throws it
	 */
	@Override
	public void close() throws IOException {
		if (this.phase == Phase.READING) {
			this.phase = Phase.CLOSED;
		}
		this.parser.abort();
	}

	/**
	 * A kept value: libwebsockets' {@code lws_spa_get_string()}.
	 * @param name one of {@link SpaConfig#paramNames()}
	 * @return the value decoded as UTF-8, possibly truncated, empty for a name sent without a value; {@code null}
	 * when the body had no such name (so far) or the name was not asked for
	 */
	public String value(String name) {
		int index = this.names.indexOf(name);
		return (index >= 0) ? this.store.value(index) : null;
	}

	/**
	 * The length of a kept value in bytes: libwebsockets' {@code lws_spa_get_length()}.
	 * @param name one of {@link SpaConfig#paramNames()}
	 * @return the UTF-8 bytes kept, 0 when absent
	 */
	public int length(String name) {
		int index = this.names.indexOf(name);
		return (index >= 0) ? this.store.length(index) : 0;
	}

	/**
	 * Whether a kept value was cut for lack of room, by {@link SpaConfig#maxValueLength()} or by what
	 * {@link SpaConfig#maxStorage()} had left. libwebsockets cuts silently; answering 413 instead is the
	 * application's choice.
	 * @param name one of {@link SpaConfig#paramNames()}
	 * @return {@code true} when bytes of the value were dropped
	 */
	public boolean truncated(String name) {
		int index = this.names.indexOf(name);
		return index >= 0 && this.store.truncated(index);
	}

	/**
	 * The bytes this parser holds from the body: the kept values, plus a part header line or urlencoded name waiting
	 * for its end. File content is never held, nor are the preamble, the epilogue or parts nobody asked for. No
	 * libwebsockets counterpart; it is here so the bound can be checked.
	 * @return at most {@link SpaConfig#maxStorage()}, plus {@link SpaConfig#maxPartHeaderSize()} for a multipart
	 * body or one more than the UTF-8 length of the longest parameter name for an urlencoded one
	 */
	public int storedBytes() {
		return this.store.storedBytes() + this.parser.pendingBytes();
	}

	private void checkReading() {
		if (this.phase != Phase.READING) {
			throw new IllegalStateException("The form parser accepts no more input: it is " + this.phase);
		}
	}

	/**
	 * Marks the body refused and closes an unfinished file part before the exception leaves. Should the listener
	 * fail on that CLOSE, its exception leaves instead, since a broken listener is the server's fault rather than
	 * the client's; the refusal rides along as suppressed.
	 */
	private void fail(SpaException ex) throws IOException {
		this.phase = Phase.FAILED;
		try {
			this.parser.abort();
		}
		catch (IOException | RuntimeException abortFailure) {
			abortFailure.addSuppressed(ex);
			throw abortFailure;
		}
	}

	@Override
	public String toString() {
		return "Spa[" + (this.multipart ? "multipart" : "urlencoded") + ", " + this.phase + ", stored="
				+ storedBytes() + "]";
	}

}

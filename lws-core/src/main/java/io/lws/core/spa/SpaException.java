package io.lws.core.spa;

/**
 * A form body was refused: malformed, or beyond a limit of its {@link SpaConfig}. libwebsockets'
 * {@code lws_spa_process()} returning nonzero; the caller answers {@link #httpStatus()} and closes the connection,
 * since the rest of the body will not be read.
 * <p>
 * The message is one plain sentence that is safe to show the client: it names the fault, never internal state.
 * The stack trace is not recorded: the fault is in the client's bytes, and a hostile client should not be able to
 * make every request pay for a trace.
 */
public class SpaException extends Exception {

	/** Version 1 of the serialized form: the message and the status. */
	private static final long serialVersionUID = 1L;

	/** The status for a malformed body. */
	static final int BAD_REQUEST = 400;

	/** The status for a body beyond a size or count limit. */
	static final int CONTENT_TOO_LARGE = 413;

	/** The HTTP status to answer with: 400 or 413; part of the serialized form. */
	private final int httpStatus;

	SpaException(int httpStatus, String message) {
		super(message, null, false, false);
		this.httpStatus = httpStatus;
	}

	/** A refusal of a malformed body, answered with 400. */
	static SpaException badRequest(String message) {
		return new SpaException(BAD_REQUEST, message);
	}

	/** A refusal of a body beyond a limit, answered with 413. */
	static SpaException tooLarge(String message) {
		return new SpaException(CONTENT_TOO_LARGE, message);
	}

	/**
	 * The status to answer with.
	 * @return 400 (Bad Request) for a malformed body, 413 (Content Too Large) for a file beyond
	 * {@link SpaConfig#maxFileSize()} or more parts than {@link SpaConfig#maxParts()}
	 */
	public int httpStatus() {
		return this.httpStatus;
	}

	@Override
	public String toString() {
		return "SpaException[" + this.httpStatus + ": " + getMessage() + "]";
	}

}

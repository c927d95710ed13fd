package io.lws.core.ws;

import java.nio.charset.StandardCharsets;

import io.lws.core.CloseStatus;

/**
 * The peer broke RFC 6455, or a configured limit: the connection must be failed (section 7.1.7) by sending a close
 * frame with {@link #closeCode()} and {@link #reason()}, then closing the TCP connection.
 * <p>
 * The stack trace is not recorded: the fault is in the peer's bytes, not in the code that found it, and a hostile
 * peer should not be able to make every connection pay for a trace.
 */
public class WebSocketProtocolException extends Exception {

	/** Version 1 of the serialized form: the message and the close code. */
	private static final long serialVersionUID = 1L;

	/** A close reason must fit a control frame's 125 bytes after the 2-byte code (section 5.5.1). */
	private static final int MAX_REASON_BYTES = 123;

	private final int closeCode;

	/**
	 * Creates the exception.
	 * @param closeCode the close code to send, one that {@link CloseStatus#isSendable(int)} accepts
	 * @param reason one plain sentence for the close frame, at most 123 bytes in UTF-8
	 * @throws IllegalArgumentException if the code may not be sent or the reason is too long
	 */
	public WebSocketProtocolException(int closeCode, String reason) {
		super(reason, null, false, false);
		if (!CloseStatus.isSendable(closeCode)) {
			throw new IllegalArgumentException("Close code " + closeCode + " may not be sent");
		}
		if (reason.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
			throw new IllegalArgumentException("Close reason is longer than " + MAX_REASON_BYTES + " bytes");
		}
		this.closeCode = closeCode;
	}

	/** The close code to send, for example 1002 (protocol error) or 1007 (invalid payload). */
	public int closeCode() {
		return this.closeCode;
	}

	/** The close reason to send: one sentence, at most 123 bytes in UTF-8; the same as {@link #getMessage()}. */
	public String reason() {
		return getMessage();
	}

	@Override
	public String toString() {
		return "WebSocketProtocolException[" + this.closeCode + ": " + getMessage() + "]";
	}

}

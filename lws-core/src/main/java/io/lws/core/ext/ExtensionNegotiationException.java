package io.lws.core.ext;

/**
 * A handshake cannot go on because of extensions: a client found the server's {@code Sec-WebSocket-Extensions}
 * unacceptable (libwebsockets' {@code HS: EXT: ...} errors). The message is one plain sentence.
 */
public class ExtensionNegotiationException extends Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * An exception with a message.
	 * @param message why the extensions are unacceptable, in one plain sentence
	 */
	public ExtensionNegotiationException(String message) {
		super(message);
	}

}

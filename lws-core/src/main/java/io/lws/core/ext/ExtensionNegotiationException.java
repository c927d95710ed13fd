package io.lws.core.ext;

/**
 * A handshake cannot go on because of extensions: a client found the server's {@code Sec-WebSocket-Extensions}
 * unacceptable (libwebsockets' {@code HS: EXT: ...} errors). The message is one plain sentence.
 */
public class ExtensionNegotiationException extends Exception {

	private static final long serialVersionUID = 1L;

	public ExtensionNegotiationException(String message) {
		super(message);
	}

}

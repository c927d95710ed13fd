package io.lws.core.tls;

import io.lws.core.LwsException;

/** TLS material or settings that cannot be used: raised at start-up, with a message that names the file or setting. */
public class TlsConfigException extends LwsException {

	private static final long serialVersionUID = 1L;

	/**
	 * An exception with a message.
	 * @param message what cannot be used, naming the file or setting
	 */
	public TlsConfigException(String message) {
		super(message);
	}

	/**
	 * An exception with a message and a cause.
	 * @param message what cannot be used, naming the file or setting
	 * @param cause the failure underneath
	 */
	public TlsConfigException(String message, Throwable cause) {
		super(message, cause);
	}

}

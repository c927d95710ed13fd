package io.lws.core.tls;

import io.lws.core.LwsException;

/** TLS material or settings that cannot be used: raised at start-up, with a message that names the file or setting. */
public class TlsConfigException extends LwsException {

	private static final long serialVersionUID = 1L;

	public TlsConfigException(String message) {
		super(message);
	}

	public TlsConfigException(String message, Throwable cause) {
		super(message, cause);
	}

}

package io.lws.core;

/**
 * Thrown when a context or vhost cannot be created or used as asked: a port that cannot be bound, an inconsistent
 * setting. The message says what and how to fix it.
 */
public class LwsException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** An exception with a message. */
	public LwsException(String message) {
		super(message);
	}

	/** An exception with a message and a cause. */
	public LwsException(String message, Throwable cause) {
		super(message, cause);
	}

}

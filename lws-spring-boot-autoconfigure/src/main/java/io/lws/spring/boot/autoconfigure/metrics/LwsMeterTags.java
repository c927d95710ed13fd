package io.lws.spring.boot.autoconfigure.metrics;

import io.micrometer.common.docs.KeyName;

/**
 * The tag keys of the lws meters ({@link LwsMeters#getKeyNames()}). Every value comes from configuration or from a
 * closed set of the engine's, so the number of time series stays bounded (see {@code docs/metrics.md}).
 */
public enum LwsMeterTags implements KeyName {

	/** The configured vhost name ({@code none} before a vhost is known). */
	VHOST("vhost"),

	/** The configured protocol name ({@code none} before a protocol is bound). */
	PROTOCOL("protocol"),

	/** The outcome of a handshake: {@code success} or {@code ok}, or why it failed. */
	RESULT("result"),

	/** A WebSocket close code: {@code 1000} to {@code 1015}, {@code 3xxx}, {@code 4xxx} or {@code invalid}. */
	CODE("code"),

	/** Which side closed a WebSocket first: {@code local} or {@code remote}. */
	INITIATOR("initiator"),

	/**
	 * Why: for a timeout, the name of {@code lws_set_timeout}'s reason or {@code TX_STALL}; for a refused connection,
	 * {@code limit} or {@code filtered}.
	 */
	REASON("reason"),

	/** The three-digit status of an answer the engine generated ({@code other} outside 100-599). */
	STATUS("status"),

	/** A service thread: {@code lws-service-0} to {@code lws-service-(count_threads - 1)}. */
	THREAD("thread");

	private final String key;

	LwsMeterTags(String key) {
		this.key = key;
	}

	/** The tag key as it appears on the meters. */
	@Override
	public String asString() {
		return this.key;
	}

}

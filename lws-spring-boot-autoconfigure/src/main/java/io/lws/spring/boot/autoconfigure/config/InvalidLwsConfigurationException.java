package io.lws.spring.boot.autoconfigure.config;

/**
 * Start-up refused because of the lws configuration: the Spring form of libwebsockets' {@code lws_create_context}
 * or {@code lws_create_vhost} returning {@code NULL} for bad info, but naming the property and the fix.
 */
public class InvalidLwsConfigurationException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String key;

	private final String reason;

	private final String action;

	/**
	 * An exception naming the bad key.
	 * @param key the property (or annotation) at fault, e.g. {@code lws.vhosts.default.port}
	 * @param reason what is wrong with it, one plain sentence without a final period
	 * @param action how to fix it
	 */
	public InvalidLwsConfigurationException(String key, String reason, String action) {
		super(key + ": " + reason);
		this.key = key;
		this.reason = reason;
		this.action = action;
	}

	/**
	 * The property or annotation at fault.
	 * @return the key
	 */
	public String getKey() {
		return this.key;
	}

	/**
	 * What is wrong.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * How to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}

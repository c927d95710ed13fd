package io.lws.core.ext;

/** What an extension's payload transformation says after one call. */
public enum PayloadResult {

	/** The input is used up and everything it produces has been returned: give the next input. */
	DONE,
	/**
	 * More output is pending (the output buffer filled, or the end of the message still has to be flushed): call
	 * again with the same {@link ExtensionPayload} once its output has been taken (libwebsockets'
	 * {@code PMDR_HAS_PENDING}).
	 */
	MORE

}

package io.lws.spring.boot.autoconfigure.metrics;

/**
 * The bounded {@code code} tag of a WebSocket close: RFC 6455 registered codes 1000-1015 as themselves, application
 * ranges as {@code 3xxx} and {@code 4xxx}, anything else as {@code invalid}. Keeps the tag's cardinality below 20
 * whatever peers send.
 */
final class CloseCodeTag {

	private static final String[] REGISTERED = new String[16];

	static {
		for (int i = 0; i < REGISTERED.length; i++) {
			REGISTERED[i] = Integer.toString(1000 + i);
		}
	}

	private CloseCodeTag() {
	}

	/** The tag value for close code {@code code}. */
	static String of(int code) {
		if (code >= 1000 && code <= 1015) {
			return REGISTERED[code - 1000];
		}
		if (code >= 3000 && code <= 3999) {
			return "3xxx";
		}
		if (code >= 4000 && code <= 4999) {
			return "4xxx";
		}
		return "invalid";
	}

}

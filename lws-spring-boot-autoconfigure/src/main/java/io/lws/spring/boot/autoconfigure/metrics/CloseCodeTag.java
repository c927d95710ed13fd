package io.lws.spring.boot.autoconfigure.metrics;

/**
 * The bounded {@code code} tag of a WebSocket close: RFC 6455 registered codes 1000-1015 as themselves, application
 * ranges as {@code 3xxx} and {@code 4xxx}, anything else as {@code invalid}. Keeps the tag's cardinality below 20
 * whatever peers send. Each value has a bucket number, so a recorder can keep its counters in an array.
 */
final class CloseCodeTag {

	/** The number of buckets: the 16 registered codes, {@code 3xxx}, {@code 4xxx} and {@code invalid}. */
	static final int BUCKETS = 19;

	private static final String[] NAMES = new String[BUCKETS];

	static {
		for (int i = 0; i < 16; i++) {
			NAMES[i] = Integer.toString(1000 + i);
		}
		NAMES[16] = "3xxx";
		NAMES[17] = "4xxx";
		NAMES[18] = "invalid";
	}

	private CloseCodeTag() {
	}

	/** The bucket of close code {@code code}, from 0 to {@link #BUCKETS} - 1. */
	static int bucket(int code) {
		if (code >= 1000 && code <= 1015) {
			return code - 1000;
		}
		if (code >= 3000 && code <= 3999) {
			return 16;
		}
		if (code >= 4000 && code <= 4999) {
			return 17;
		}
		return 18;
	}

	/** The tag value of bucket {@code bucket}. */
	static String name(int bucket) {
		return NAMES[bucket];
	}

}

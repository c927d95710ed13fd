package io.lws.core.http;

import io.lws.core.HeaderToken;

/**
 * Reads a header as a comma-separated list of tokens (RFC 9110 section 5.6.1: {@code #token}, empty elements
 * allowed, OWS around each), across all its occurrences, without creating Strings. libwebsockets does these
 * scans by hand where it checks {@code Connection: upgrade} and {@code Upgrade: websocket} in
 * {@code lws_handshake_server()}.
 */
final class TokenList {

	private TokenList() {
	}

	/** Whether any element of the token's list equals {@code element}, ignoring ASCII case. */
	static boolean contains(FragmentStore store, HeaderToken token, String element) {
		byte[] data = store.data();
		for (int frag = store.first(token); frag != FragmentStore.NONE; frag = store.next(frag)) {
			int end = store.valueOffset(frag) + store.valueLength(frag);
			int start = store.valueOffset(frag);
			while (start <= end) {
				int comma = indexOfComma(data, start, end);
				if (elementEquals(data, start, comma, element)) {
					return true;
				}
				start = comma + 1;
			}
		}
		return false;
	}

	/** Whether the token's list, ignoring empty elements, is exactly one element equal to {@code element}. */
	static boolean isOnly(FragmentStore store, HeaderToken token, String element) {
		return onceLast(store, token, element) == 1;
	}

	/**
	 * Whether {@code element} is in the token's list exactly once, as its last non-empty element (with others
	 * before it or not): how {@code chunked} must stand in {@code Transfer-Encoding} (RFC 9112 section 6.1).
	 */
	static boolean isOnceAndLast(FragmentStore store, HeaderToken token, String element) {
		return onceLast(store, token, element) > 0;
	}

	/** The number of non-empty elements when {@code element} is among them once and last; otherwise 0. */
	private static int onceLast(FragmentStore store, HeaderToken token, String element) {
		byte[] data = store.data();
		int elements = 0;
		int matches = 0;
		boolean lastMatched = false;
		for (int frag = store.first(token); frag != FragmentStore.NONE; frag = store.next(frag)) {
			int end = store.valueOffset(frag) + store.valueLength(frag);
			int start = store.valueOffset(frag);
			while (start <= end) {
				int comma = indexOfComma(data, start, end);
				if (!isBlank(data, start, comma)) {
					elements++;
					lastMatched = elementEquals(data, start, comma, element);
					matches += lastMatched ? 1 : 0;
				}
				start = comma + 1;
			}
		}
		return (matches == 1 && lastMatched) ? elements : 0;
	}

	private static int indexOfComma(byte[] data, int from, int end) {
		for (int i = from; i < end; i++) {
			if (data[i] == ',') {
				return i;
			}
		}
		return end;
	}

	private static boolean isBlank(byte[] data, int start, int end) {
		for (int i = start; i < end; i++) {
			if (!HttpChars.isOws(data[i])) {
				return false;
			}
		}
		return true;
	}

	private static boolean elementEquals(byte[] data, int start, int end, String element) {
		while (start < end && HttpChars.isOws(data[start])) {
			start++;
		}
		while (end > start && HttpChars.isOws(data[end - 1])) {
			end--;
		}
		return HttpChars.equalsIgnoreCase(data, start, end - start, element);
	}

}

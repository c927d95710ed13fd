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
		byte[] data = store.data();
		int elements = 0;
		boolean matched = false;
		for (int frag = store.first(token); frag != FragmentStore.NONE; frag = store.next(frag)) {
			int end = store.valueOffset(frag) + store.valueLength(frag);
			int start = store.valueOffset(frag);
			while (start <= end) {
				int comma = indexOfComma(data, start, end);
				if (!isBlank(data, start, comma)) {
					elements++;
					matched = elementEquals(data, start, comma, element);
				}
				start = comma + 1;
			}
		}
		return elements == 1 && matched;
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

package io.lws.core.http;

import io.lws.core.HeaderToken;
import io.lws.core.TokenLimits;

/**
 * Reads one complete header line, {@code field-name ":" OWS field-value OWS} (RFC 9112 section 5), out of the
 * header buffer and stores it: a known name as another fragment of its {@link HeaderToken}, any other name as a
 * custom header. This is the per-header part of libwebsockets' {@code lws_parse()}, including what
 * {@code LWS_WITH_CUSTOM_HEADERS} keeps.
 * <p>
 * The line is compacted in place: only the trimmed value (and a custom header's name) stays in the buffer, so the
 * buffer holds values rather than raw lines. Whitespace before the colon, obsolete line folding and control
 * characters are refused, as RFC 9112 section 5 asks of a server, since proxies disagree on what they mean.
 */
final class HeaderLineReader {

	private HeaderLineReader() {
	}

	/**
	 * Reads the line at {@code data[start, end)} (without its line ending, not empty), which starts right after
	 * the store's used bytes.
	 * @return {@code null} when stored, or why the line is refused
	 */
	static RequestError read(FragmentStore store, int start, int end, TokenLimits limits) {
		byte[] data = store.data();
		if (HttpChars.isOws(data[start])) {
			return RequestError.OBSOLETE_LINE_FOLDING;
		}
		int colon = start;
		while (colon < end && data[colon] != ':') {
			colon++;
		}
		if (colon == end) {
			return RequestError.HEADER_WITHOUT_COLON;
		}
		if (colon == start) {
			return RequestError.BAD_HEADER_NAME;
		}
		if (HttpChars.isOws(data[colon - 1])) {
			return RequestError.WHITESPACE_BEFORE_COLON;
		}
		for (int i = start; i < colon; i++) {
			if (!HttpChars.isTchar(data[i])) {
				return RequestError.BAD_HEADER_NAME;
			}
		}
		int valueStart = colon + 1;
		int valueEnd = end;
		while (valueStart < valueEnd && HttpChars.isOws(data[valueStart])) {
			valueStart++;
		}
		while (valueEnd > valueStart && HttpChars.isOws(data[valueEnd - 1])) {
			valueEnd--;
		}
		for (int i = valueStart; i < valueEnd; i++) {
			if (HttpChars.isControl(data[i])) {
				return RequestError.CONTROL_IN_HEADER_VALUE;
			}
		}
		int valueLength = valueEnd - valueStart;
		HeaderToken token = TokenLookup.header(data, start, colon - start);
		if (token == null) {
			// the value moves next to the name, over the colon and any OWS
			System.arraycopy(data, valueStart, data, colon, valueLength);
			store.used(colon + valueLength);
			return store.addCustom(start, colon - start, valueLength) ? null : RequestError.TOO_MANY_FRAGMENTS;
		}
		if (token == HeaderToken.HOST && store.count(HeaderToken.HOST) > 0) {
			return RequestError.MULTIPLE_HOST;
		}
		System.arraycopy(data, valueStart, data, start, valueLength);
		store.used(start + valueLength);
		if (!store.addFragment(token, start, valueLength)) {
			return RequestError.TOO_MANY_FRAGMENTS;
		}
		if (store.totalLength(token) > limits.limit(token)) {
			return RequestError.HEADER_OVER_TOKEN_LIMIT;
		}
		return null;
	}

}

package io.lws.core.http;

import io.lws.core.HeaderToken;

/**
 * Reads the status line of a response, {@code HTTP-version SP status-code SP [reason-phrase]} (RFC 9112 section 4):
 * what libwebsockets' client parser does before the first response header. The three-digit code is kept as the
 * value of {@link HeaderToken#HTTP}, where {@code lws_hdr_copy(wsi, .., WSI_TOKEN_HTTP)} finds it on a client
 * connection; the reason phrase is read and dropped, as RFC 9112 says a client should.
 * <p>
 * One instance per {@link HeaderTable}; it keeps what it read until {@link #reset()}.
 */
final class StatusLineReader {

	private static final int VERSION_LENGTH = "HTTP/1.1".length();

	private int status;

	private boolean http10;

	void reset() {
		this.status = 0;
		this.http10 = false;
	}

	/** The status code, or 0 before a status line is read. */
	int status() {
		return this.status;
	}

	boolean isHttp10() {
		return this.http10;
	}

	/**
	 * Reads the line at {@code data[start, end)} (without its line ending).
	 * @return {@code null} when the line is accepted, or why it is refused
	 */
	RequestError read(FragmentStore store, int start, int end) {
		byte[] data = store.data();
		int v = start;
		if (end - v < VERSION_LENGTH + 4 || data[v] != 'H' || data[v + 1] != 'T' || data[v + 2] != 'T'
				|| data[v + 3] != 'P' || data[v + 4] != '/' || data[v + 5] != '1' || data[v + 6] != '.'
				|| (data[v + 7] != '0' && data[v + 7] != '1') || data[v + 8] != HttpChars.SP) {
			return RequestError.MALFORMED_STATUS_LINE;
		}
		int code = 0;
		for (int i = v + 9; i < v + 12; i++) {
			int digit = data[i] - '0';
			if (digit < 0 || digit > 9) {
				return RequestError.MALFORMED_STATUS_LINE;
			}
			code = code * 10 + digit;
		}
		if (code < 100 || (end > v + 12 && data[v + 12] != HttpChars.SP)) {
			return RequestError.MALFORMED_STATUS_LINE;
		}
		for (int i = v + 13; i < end; i++) {
			// obs-text (0x80 to 0xFF) is allowed in a reason phrase (RFC 9112 section 4)
			int b = data[i] & 0xFF;
			if ((b < 0x20 && b != HttpChars.HTAB) || b == 0x7F) {
				return RequestError.MALFORMED_STATUS_LINE;
			}
		}
		this.http10 = data[v + 7] == '0';
		this.status = code;
		// keep the code only: it becomes WSI_TOKEN_HTTP's value
		System.arraycopy(data, v + 9, data, start, 3);
		store.used(start + 3);
		if (!store.addFragment(HeaderToken.HTTP, start, 3)) {
			return RequestError.TOO_MANY_FRAGMENTS;
		}
		return null;
	}

}

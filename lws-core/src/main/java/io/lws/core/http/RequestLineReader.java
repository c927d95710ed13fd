package io.lws.core.http;

import io.lws.core.HeaderToken;
import io.lws.core.TokenLimits;

/**
 * Reads a complete request line, {@code method SP request-target SP HTTP-version} (RFC 9112 section 3), out of the
 * header buffer: the part of libwebsockets' {@code lws_parse()} that runs before the first header, matching
 * {@code method_names[]} and the version.
 * <p>
 * The line is parsed strictly (single spaces, no trailing whitespace), because lenient request-line parsing is
 * what request smuggling feeds on. Only the raw target survives in the buffer: it is moved to where the line
 * began, and the decoded path and arguments are written after it. One instance per {@link HeaderTable}; it keeps
 * what it read until {@link #reset()}.
 */
final class RequestLineReader {

	private static final int VERSION_LENGTH = "HTTP/1.1".length();

	private final RequestTargetDecoder target = new RequestTargetDecoder();

	private HeaderToken method;

	private boolean http10;

	private int rawOffset;

	private int rawLength;

	RequestLineReader() {
		reset();
	}

	void reset() {
		this.target.reset();
		this.method = null;
		this.http10 = false;
		this.rawOffset = 0;
		this.rawLength = 0;
	}

	HeaderToken method() {
		return this.method;
	}

	boolean isHttp10() {
		return this.http10;
	}

	int rawOffset() {
		return this.rawOffset;
	}

	int rawLength() {
		return this.rawLength;
	}

	RequestTargetDecoder target() {
		return this.target;
	}

	/**
	 * Reads the line at {@code data[start, end)} (without its line ending) and stores what it names.
	 * @return {@code null} when the line is accepted, or why it is refused
	 */
	RequestError read(FragmentStore store, int start, int end, TokenLimits limits) {
		byte[] data = store.data();
		int methodEnd = start;
		while (methodEnd < end && HttpChars.isTchar(data[methodEnd])) {
			methodEnd++;
		}
		if (methodEnd == start || (methodEnd < end && data[methodEnd] != HttpChars.SP)) {
			return RequestError.BAD_METHOD;
		}
		int targetStart = methodEnd + 1;
		if (targetStart >= end) {
			return RequestError.MALFORMED_REQUEST_LINE;
		}
		int targetEnd = targetStart;
		while (targetEnd < end && data[targetEnd] != HttpChars.SP) {
			targetEnd++;
		}
		if (targetEnd == targetStart) {
			return RequestError.MALFORMED_REQUEST_LINE;
		}
		if (targetEnd == end) {
			// "GET /": an HTTP/0.9 simple request, whose version is the one not supported
			return RequestError.VERSION_NOT_SUPPORTED;
		}
		RequestError error = readVersion(data, targetEnd + 1, end);
		if (error != null) {
			return error;
		}
		this.method = TokenLookup.method(data, start, methodEnd - start);
		if (this.method == null) {
			return RequestError.METHOD_NOT_IMPLEMENTED;
		}
		int length = targetEnd - targetStart;
		for (int i = targetStart; i < targetEnd; i++) {
			byte b = data[i];
			if (b < 0x21 || b > 0x7E || b == '#') {
				return RequestError.BAD_URI_CHARACTER;
			}
		}
		if (length > limits.limit(this.method)) {
			return RequestError.URI_OVER_TOKEN_LIMIT;
		}
		System.arraycopy(data, targetStart, data, start, length);
		store.used(start + length);
		this.rawOffset = start;
		this.rawLength = length;
		return this.target.decode(store, this.method, start, length, limits);
	}

	/**
	 * Accepts {@code HTTP/1.0} and {@code HTTP/1.1}, and a higher {@code HTTP/1.x} as 1.1 (RFC 9110 section 2.5: a
	 * higher minor version is processed as the highest one the recipient implements); another major version is
	 * unsupported, the rest malformed.
	 */
	private RequestError readVersion(byte[] data, int start, int end) {
		if (end - start != VERSION_LENGTH || data[start] != 'H' || data[start + 1] != 'T' || data[start + 2] != 'T'
				|| data[start + 3] != 'P' || data[start + 4] != '/' || !isDigit(data[start + 5])
				|| data[start + 6] != '.' || !isDigit(data[start + 7])) {
			return RequestError.MALFORMED_REQUEST_LINE;
		}
		if (data[start + 5] != '1') {
			return RequestError.VERSION_NOT_SUPPORTED;
		}
		this.http10 = data[start + 7] == '0';
		return null;
	}

	private static boolean isDigit(byte b) {
		return b >= '0' && b <= '9';
	}

}

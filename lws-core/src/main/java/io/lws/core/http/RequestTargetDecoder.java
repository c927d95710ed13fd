package io.lws.core.http;

import io.lws.core.HeaderToken;
import io.lws.core.TokenLimits;

/**
 * Recognises the form of a request target (RFC 9112 section 3.2) and stores what the server acts on: the
 * normalised path as the value of the method's token, and the query arguments as {@link HeaderToken#HTTP_URI_ARGS}.
 * libwebsockets accepts origin-form only and answers 403 to anything else; this engine also accepts absolute-form
 * (section 3.2.2, remembering its authority as the request's host), {@code *} for OPTIONS (asterisk-form) and the
 * authority-form that CONNECT requires.
 * <p>
 * One instance per {@link HeaderTable}; it keeps where the absolute-form authority is until {@link #reset()}.
 */
final class RequestTargetDecoder {

	private int hostOffset;

	private int hostLength;

	RequestTargetDecoder() {
		reset();
	}

	void reset() {
		this.hostOffset = -1;
		this.hostLength = 0;
	}

	/** Where the absolute-form authority is stored, or -1 when the target was not in absolute-form. */
	int hostOffset() {
		return this.hostOffset;
	}

	int hostLength() {
		return this.hostLength;
	}

	/**
	 * Decodes the raw target at {@code data[offset, offset + length)}, which the store already counts as used.
	 * @return {@code null} when stored, or why the target is refused
	 */
	RequestError decode(FragmentStore store, HeaderToken method, int offset, int length, TokenLimits limits) {
		byte[] data = store.data();
		int end = offset + length;
		if (method == HeaderToken.CONNECT) {
			// authority-form: kept as sent; the raw target doubles as the token's value
			if (!isAuthority(data, offset, end)) {
				return RequestError.BAD_URI_FORM;
			}
			return store.addFragment(method, offset, length) ? null : RequestError.TOO_MANY_FRAGMENTS;
		}
		if (length == 1 && data[offset] == '*') {
			if (method != HeaderToken.OPTIONS_URI) {
				return RequestError.BAD_URI_FORM;
			}
			return store.addFragment(method, offset, length) ? null : RequestError.TOO_MANY_FRAGMENTS;
		}
		int pathStart = offset;
		if (data[offset] != '/') {
			pathStart = absoluteFormPath(data, offset, end);
			if (pathStart < 0) {
				return RequestError.BAD_URI_FORM;
			}
		}
		int queryStart = pathStart;
		while (queryStart < end && data[queryStart] != '?') {
			queryStart++;
		}
		int path = store.used();
		RequestError error = PathDecoder.decode(store, pathStart, queryStart);
		if (error != null) {
			return error;
		}
		if (!store.addFragment(method, path, store.used() - path)) {
			return RequestError.TOO_MANY_FRAGMENTS;
		}
		if (queryStart < end) {
			error = QueryDecoder.decode(store, queryStart + 1, end);
			if (error != null) {
				return error;
			}
			if (store.totalLength(HeaderToken.HTTP_URI_ARGS) > limits.limit(HeaderToken.HTTP_URI_ARGS)) {
				return RequestError.URI_OVER_TOKEN_LIMIT;
			}
		}
		return null;
	}

	/**
	 * Checks {@code http://authority} or {@code https://authority} (scheme in any case) and remembers the authority.
	 * @return where the path (or the query, or the end) starts, or -1 when this is no absolute-form target
	 */
	private int absoluteFormPath(byte[] data, int offset, int end) {
		int authority;
		if (startsWith(data, offset, end, "http://")) {
			authority = offset + 7;
		}
		else if (startsWith(data, offset, end, "https://")) {
			authority = offset + 8;
		}
		else {
			return -1;
		}
		int authorityEnd = authority;
		while (authorityEnd < end && data[authorityEnd] != '/' && data[authorityEnd] != '?') {
			authorityEnd++;
		}
		if (!isAuthority(data, authority, authorityEnd)) {
			return -1;
		}
		this.hostOffset = authority;
		this.hostLength = authorityEnd - authority;
		return authorityEnd;
	}

	private static boolean startsWith(byte[] data, int offset, int end, String prefix) {
		return end - offset >= prefix.length() && HttpChars.equalsIgnoreCase(data, offset, prefix.length(), prefix);
	}

	/**
	 * Whether the bytes are a non-empty {@code host[:port]} without userinfo (RFC 3986 section 3.2): reg-name or IP
	 * literal characters only, so no {@code @} (userinfo is refused, RFC 9110 section 4.2.4), {@code /} or {@code ?}.
	 */
	private static boolean isAuthority(byte[] data, int start, int end) {
		if (start == end) {
			return false;
		}
		for (int i = start; i < end; i++) {
			int c = data[i];
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "-._~!$&'()*+,;=:[]%".indexOf(c) >= 0;
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

}

package io.lws.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.lws.core.HeaderToken;

/**
 * Finds the {@link HeaderToken} of a header name or method held in a byte range, without creating a String: the
 * role of libwebsockets' generated {@code lextable} walked by {@code lws_parse()}. Header names match without
 * regard to ASCII case, methods exactly (RFC 9110 section 9.1: methods are case-sensitive).
 */
final class TokenLookup {

	/** Header tokens bucketed by name length; names are short, so each bucket is scanned linearly. */
	private static final HeaderToken[][] HEADERS_BY_LENGTH = bucket(HeaderToken.Kind.HEADER);

	private static final HeaderToken[][] METHODS_BY_LENGTH = bucket(HeaderToken.Kind.METHOD);

	private static final byte[][] NAMES = new byte[HeaderToken.count()][];

	static {
		for (HeaderToken token : HeaderToken.values()) {
			NAMES[token.ordinal()] = token.headerName().getBytes(StandardCharsets.US_ASCII);
		}
	}

	private TokenLookup() {
	}

	/**
	 * The token of the header name in {@code data[off, off + len)}, any case.
	 * @return the token, or {@code null} for a name the engine keeps as a custom header
	 */
	static HeaderToken header(byte[] data, int off, int len) {
		if (len >= HEADERS_BY_LENGTH.length) {
			return null;
		}
		for (HeaderToken token : HEADERS_BY_LENGTH[len]) {
			if (matches(NAMES[token.ordinal()], data, off, true)) {
				return token;
			}
		}
		return null;
	}

	/**
	 * The token of the method in {@code data[off, off + len)}, exact case.
	 * @return the token, or {@code null} for a method libwebsockets does not serve
	 */
	static HeaderToken method(byte[] data, int off, int len) {
		if (len >= METHODS_BY_LENGTH.length) {
			return null;
		}
		for (HeaderToken token : METHODS_BY_LENGTH[len]) {
			if (matches(NAMES[token.ordinal()], data, off, false)) {
				return token;
			}
		}
		return null;
	}

	private static boolean matches(byte[] name, byte[] data, int off, boolean ignoreCase) {
		for (int i = 0; i < name.length; i++) {
			int b = ignoreCase ? HttpChars.lower(data[off + i]) : data[off + i];
			if (b != name[i]) {
				return false;
			}
		}
		return true;
	}

	private static HeaderToken[][] bucket(HeaderToken.Kind kind) {
		int longest = 0;
		for (HeaderToken token : HeaderToken.values()) {
			if (token.kind() == kind) {
				longest = Math.max(longest, token.headerName().length());
			}
		}
		HeaderToken[][] buckets = new HeaderToken[longest + 1][0];
		for (HeaderToken token : HeaderToken.values()) {
			if (token.kind() == kind) {
				HeaderToken[] bucket = buckets[token.headerName().length()];
				HeaderToken[] grown = Arrays.copyOf(bucket, bucket.length + 1);
				grown[bucket.length] = token;
				buckets[token.headerName().length()] = grown;
			}
		}
		return buckets;
	}

}

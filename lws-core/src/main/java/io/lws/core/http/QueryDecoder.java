package io.lws.core.http;

import io.lws.core.HeaderToken;

/**
 * Splits the query of a request target into {@link HeaderToken#HTTP_URI_ARGS} fragments, one per argument, the way
 * libwebsockets' {@code lws_parse_urldecode()} does after the {@code ?}: arguments are separated by an unencoded
 * {@code &} or {@code ;}, each is %-decoded once, an unencoded {@code +} becomes a space (HTML form encoding), and a
 * %-encoded {@code =} in an argument's name becomes {@code _} so that the first {@code =} of a decoded argument
 * always ends its name. Empty arguments are dropped.
 */
final class QueryDecoder {

	private QueryDecoder() {
	}

	/**
	 * Writes the arguments of {@code data[from, to)} (the query, without its {@code ?}) after the store's used bytes.
	 * @return {@code null} when done, or why the query is refused
	 */
	static RequestError decode(FragmentStore store, int from, int to) {
		byte[] data = store.data();
		int argument = store.used();
		boolean inName = true;
		int i = from;
		while (i <= to) {
			int c = (i < to) ? data[i] & 0xFF : '&';
			if (c == '&' || c == ';') {
				int length = store.used() - argument;
				if (length > 0 && !store.addFragment(HeaderToken.HTTP_URI_ARGS, argument, length)) {
					return RequestError.TOO_MANY_FRAGMENTS;
				}
				argument = store.used();
				inName = true;
				i++;
				continue;
			}
			if (c == '%') {
				c = HttpChars.percentDecoded(data, i, to);
				if (c < 0) {
					return RequestError.BAD_PERCENT_ENCODING;
				}
				if (c == 0) {
					return RequestError.ENCODED_NUL;
				}
				if (c == '=' && inName) {
					c = '_';
				}
				i += 3;
			}
			else {
				if (c == '+') {
					c = ' ';
				}
				else if (c == '=') {
					inName = false;
				}
				i++;
			}
			if (!store.put(c)) {
				return RequestError.REQUEST_LINE_TOO_LONG;
			}
		}
		return null;
	}

}

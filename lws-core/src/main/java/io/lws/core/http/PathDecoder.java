package io.lws.core.http;

/**
 * Turns the raw path of a request target into the path the server acts on: %-decoded exactly once, then with its
 * dot-segments removed and empty segments collapsed. This is libwebsockets' {@code lws_parse_urldecode()} for the
 * part before {@code ?}, done over the whole path after it has been read rather than byte by byte as it arrives.
 * <p>
 * Decoding happens once only, so {@code %252e} becomes the literal {@code %2e} and is never decoded again.
 * Normalisation works on the decoded bytes, so {@code %2e%2e} and {@code ..%2f} pop a segment like {@code ../}
 * does; popping never goes above {@code /} (RFC 3986 section 5.2.4), so {@code /a/../../etc} is {@code /etc}. A
 * decoded NUL, backslash or control character is refused: file systems and logs treat them specially, and no
 * legitimate path needs them.
 */
final class PathDecoder {

	private PathDecoder() {
	}

	/**
	 * Writes the normalised path of {@code data[from, to)} (which starts with {@code /}, or is empty for an
	 * absolute-form target without a path) after the store's used bytes.
	 * @return {@code null} when done, or why the path is refused
	 */
	static RequestError decode(FragmentStore store, int from, int to) {
		byte[] data = store.data();
		int start = store.used();
		if (!store.put('/')) {
			return RequestError.REQUEST_LINE_TOO_LONG;
		}
		int segment = store.used();
		int i = (from < to) ? from + 1 : to;
		while (i < to) {
			int c = data[i] & 0xFF;
			if (c == '%') {
				c = HttpChars.percentDecoded(data, i, to);
				if (c < 0) {
					return RequestError.BAD_PERCENT_ENCODING;
				}
				if (c == 0) {
					return RequestError.ENCODED_NUL;
				}
				if (c < 0x20 || c == 0x7F) {
					return RequestError.CONTROL_IN_PATH;
				}
				i += 3;
			}
			else {
				i++;
			}
			if (c == '\\') {
				return RequestError.BACKSLASH_IN_PATH;
			}
			if (c == '/') {
				segment = endSegment(store, start, segment, true);
				if (segment < 0) {
					return RequestError.REQUEST_LINE_TOO_LONG;
				}
			}
			else if (!store.put(c)) {
				return RequestError.REQUEST_LINE_TOO_LONG;
			}
		}
		endSegment(store, start, segment, false);
		return null;
	}

	/**
	 * Decides what the segment just written, {@code data[segment, used)}, becomes now that a {@code /} or the end of
	 * the path follows it: an empty segment ({@code //}) and {@code .} vanish, {@code ..} also removes the segment
	 * before it, anything else stays and is followed by {@code /} when more follows.
	 * @return where the next segment starts, or -1 when the buffer is full
	 */
	private static int endSegment(FragmentStore store, int pathStart, int segment, boolean slashFollows) {
		byte[] data = store.data();
		int length = store.used() - segment;
		if (length == 1 && data[segment] == '.') {
			store.used(segment);
		}
		else if (length == 2 && data[segment] == '.' && data[segment + 1] == '.') {
			int previous = segment - 1;
			if (previous > pathStart) {
				previous--;
				while (data[previous] != '/') {
					previous--;
				}
			}
			store.used(previous + 1);
		}
		else if (length > 0 && slashFollows && !store.put('/')) {
			return -1;
		}
		return store.used();
	}

}

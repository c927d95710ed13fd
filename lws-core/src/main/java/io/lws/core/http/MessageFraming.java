package io.lws.core.http;

import io.lws.core.HeaderToken;

/**
 * Decides, once the whole head is read, how the request's body is framed and whether the head is coherent enough
 * to trust that framing (RFC 9112 sections 3.2 and 6): the checks libwebsockets makes in
 * {@code lws_http_action()} before it reads a body, made stricter because a request whose framing two servers
 * could read differently is how requests are smuggled.
 * <p>
 * One instance per {@link HeaderTable}; it keeps the outcome until {@link #reset()}.
 */
final class MessageFraming {

	private long contentLength;

	private boolean chunked;

	MessageFraming() {
		reset();
	}

	void reset() {
		this.contentLength = -1;
		this.chunked = false;
	}

	/** The declared body length, or -1 when there is no Content-Length. */
	long contentLength() {
		return this.contentLength;
	}

	boolean isChunked() {
		return this.chunked;
	}

	/**
	 * Checks Host, Content-Length and Transfer-Encoding of a complete head. A response needs no Host; its framing
	 * gets the same strict checks (both headers at once is what response splitting looks like).
	 * @return {@code null} when the framing is sound, or why the head is refused
	 */
	RequestError check(FragmentStore store, boolean http10, boolean response) {
		if (!response && !http10 && store.count(HeaderToken.HOST) == 0) {
			return RequestError.MISSING_HOST;
		}
		if (!response && store.count(HeaderToken.HOST) == 1 && !HostValue.isValid(store)) {
			return RequestError.BAD_HOST;
		}
		boolean hasLength = store.count(HeaderToken.HTTP_CONTENT_LENGTH) > 0;
		if (!response && store.count(HeaderToken.HTTP_CONTENT_LENGTH) > 1) {
			// RFC 9110 section 8.6 lets a recipient refuse a repeated Content-Length rather than collapse it; an
			// application reading the header would otherwise see "9,9"
			return RequestError.REPEATED_CONTENT_LENGTH;
		}
		if (store.count(HeaderToken.HTTP_TRANSFER_ENCODING) > 0) {
			if (hasLength) {
				return RequestError.CONTENT_LENGTH_AND_TRANSFER_ENCODING;
			}
			if (http10) {
				return RequestError.TRANSFER_ENCODING_IN_HTTP10;
			}
			// only chunked is decoded; a coding before it would reach the application undecoded (501), and without
			// chunked once and last the body's length cannot be told at all (400)
			if (!TokenList.isOnly(store, HeaderToken.HTTP_TRANSFER_ENCODING, "chunked")) {
				return TokenList.isOnceAndLast(store, HeaderToken.HTTP_TRANSFER_ENCODING, "chunked")
						? RequestError.UNSUPPORTED_TRANSFER_ENCODING : RequestError.CHUNKED_NOT_FINAL;
			}
			this.chunked = true;
		}
		if (hasLength) {
			return checkContentLength(store);
		}
		return null;
	}

	private RequestError checkContentLength(FragmentStore store) {
		byte[] data = store.data();
		long declared = -1;
		for (int frag = store.first(HeaderToken.HTTP_CONTENT_LENGTH); frag != FragmentStore.NONE; frag = store
			.next(frag)) {
			int start = store.valueOffset(frag);
			int end = start + store.valueLength(frag);
			if (start == end) {
				return RequestError.BAD_CONTENT_LENGTH;
			}
			long value = 0;
			for (int i = start; i < end; i++) {
				int digit = data[i] - '0';
				if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
					return RequestError.BAD_CONTENT_LENGTH;
				}
				value = value * 10 + digit;
			}
			if (declared >= 0 && declared != value) {
				return RequestError.CONFLICTING_CONTENT_LENGTH;
			}
			declared = value;
		}
		this.contentLength = declared;
		return null;
	}

}

package io.lws.core.http;

/**
 * Why a request head was refused (or, on a client connection, a response head: the reasons that apply to both
 * speak of "the head" or "the message"), with the status to answer and a one-sentence reason. libwebsockets answers
 * most of these with a silent close or {@code 403} (its "behaviours not to copy"); this engine answers with the
 * status RFC 9110 and RFC 9112 name, then closes the connection, since the stream can no longer be trusted.
 */
public enum RequestError {

	/** The request line, or the raw URI with its decoded path and arguments, does not fit in the buffer. */
	REQUEST_LINE_TOO_LONG(414, "The request line does not fit in the header buffer."),
	/** The URI or its arguments are longer than the method's or {@code HTTP_URI_ARGS}' token limit. */
	URI_OVER_TOKEN_LIMIT(414, "The request URI is longer than its token limit."),
	/** The header lines do not fit in what the request line left of the buffer. */
	HEADERS_TOO_LARGE(431, "The request headers do not fit in the header buffer."),
	/** A header's value, all its occurrences joined, is longer than its token limit. */
	HEADER_OVER_TOKEN_LIMIT(431, "A header value is longer than its token limit."),
	/** The fragment table is full: too many headers, repeated headers or query arguments. */
	TOO_MANY_FRAGMENTS(431, "The head has too many header fragments."),
	/** A CR in the head is followed by something other than LF. */
	BARE_CR(400, "A CR in the head is not followed by LF."),
	/** The method is empty or holds a byte that is not a tchar. */
	BAD_METHOD(400, "The request method is not a valid token."),
	/** The request line is not {@code method SP request-target SP HTTP-version}. */
	MALFORMED_REQUEST_LINE(400, "The request line is malformed."),
	/** The request target holds a control character, a byte above 0x7E or a {@code #}. */
	BAD_URI_CHARACTER(400, "The request URI contains a character that is not allowed."),
	/** The request target is in no form this method accepts. */
	BAD_URI_FORM(400, "The request URI is not in a form the server accepts."),
	/** A {@code %} is not followed by two hexadecimal digits. */
	BAD_PERCENT_ENCODING(400, "The request URI has a bad percent-encoding."),
	/** {@code %00} in the path or the query. */
	ENCODED_NUL(400, "The request URI contains an encoded NUL."),
	/** A backslash, literal or {@code %5C}, in the path. */
	BACKSLASH_IN_PATH(400, "The request path contains a backslash."),
	/** A %-encoded control character in the path. */
	CONTROL_IN_PATH(400, "The request path contains a control character."),
	/** A header line begins with whitespace: obsolete line folding (RFC 9112 section 5.2). */
	OBSOLETE_LINE_FOLDING(400, "A header line starts with whitespace (obsolete line folding)."),
	/** A header line has no colon. */
	HEADER_WITHOUT_COLON(400, "A header line has no colon."),
	/** A header name is empty or holds a byte that is not a tchar. */
	BAD_HEADER_NAME(400, "A header name is not a valid token."),
	/** Whitespace between a header name and its colon (RFC 9112 section 5.1). */
	WHITESPACE_BEFORE_COLON(400, "A header name is followed by whitespace before the colon."),
	/** A header value holds a control character other than HTAB. */
	CONTROL_IN_HEADER_VALUE(400, "A header value contains a control character."),
	/** An HTTP/1.1 request without {@code Host} (RFC 9112 section 3.2). */
	MISSING_HOST(400, "An HTTP/1.1 request has no Host header."),
	/** More than one {@code Host} header. */
	MULTIPLE_HOST(400, "The request has more than one Host header."),
	/** {@code Content-Length} is empty, holds a non-digit, or does not fit in a long. */
	BAD_CONTENT_LENGTH(400, "The Content-Length header is not a decimal number."),
	/** {@code Content-Length} repeated with different values. */
	CONFLICTING_CONTENT_LENGTH(400, "The Content-Length header is repeated with different values."),
	/** {@code Content-Length} more than once in a request, even with one value (RFC 9110 section 8.6). */
	REPEATED_CONTENT_LENGTH(400, "The Content-Length header is repeated."),
	/** A {@code Host} value that is not {@code uri-host [ ":" port ]} (RFC 9112 section 3.2). */
	BAD_HOST(400, "The Host header is not a valid host and port."),
	/**
	 * Both {@code Content-Length} and {@code Transfer-Encoding}: the request smuggling shape (RFC 9112 section 6.3).
	 */
	CONTENT_LENGTH_AND_TRANSFER_ENCODING(400, "The message has both Content-Length and Transfer-Encoding."),
	/** {@code Transfer-Encoding} names a coding before {@code chunked} that is not decoded (RFC 9112 section 6.1). */
	UNSUPPORTED_TRANSFER_ENCODING(501, "The Transfer-Encoding header names a coding other than chunked."),
	/**
	 * {@code Transfer-Encoding} without {@code chunked} once and last: the body's length cannot be told (RFC 9112
	 * section 6.3).
	 */
	CHUNKED_NOT_FINAL(400, "The Transfer-Encoding header does not end with chunked, once."),
	/** {@code Transfer-Encoding} in an HTTP/1.0 message, whose framing is then faulty (RFC 9112 section 6.1). */
	TRANSFER_ENCODING_IN_HTTP10(400, "An HTTP/1.0 message has a Transfer-Encoding header."),
	/** A method that is a valid token but not one libwebsockets serves. */
	METHOD_NOT_IMPLEMENTED(501, "The request method is not implemented."),
	/** A version other than HTTP/1.0 and HTTP/1.1, including an HTTP/0.9 request line without a version. */
	VERSION_NOT_SUPPORTED(505, "The HTTP version is not supported."),
	/** A response whose status line is not {@code HTTP/1.x NNN reason} (client connections only). */
	MALFORMED_STATUS_LINE(502, "The response status line is malformed.");

	private final int status;

	private final String reason;

	RequestError(int status, String reason) {
		this.status = status;
		this.reason = reason;
	}

	/**
	 * The status code to answer with.
	 * @return 400, 414, 431, 501 or 505 (502 for a response a client cannot read)
	 */
	public int status() {
		return this.status;
	}

	/**
	 * What was wrong, fit for a log line or an error page.
	 * @return one plain sentence
	 */
	public String reason() {
		return this.reason;
	}

}

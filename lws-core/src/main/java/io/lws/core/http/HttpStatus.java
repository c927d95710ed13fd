package io.lws.core.http;

/**
 * Reason phrases of HTTP status codes, for status lines the engine writes itself: the tables libwebsockets keeps in
 * {@code lib/roles/http/header.c} for {@code lws_add_http_header_status()} and {@code lws_return_http_status()}.
 * <p>
 * The phrases are RFC 9110 section 15's, plus 428, 429 and 431 from RFC 6585. libwebsockets says {@code Redirect}
 * for every 3xx but 304; this engine uses the registered phrase instead, since clients show it to people.
 */
public final class HttpStatus {

	private HttpStatus() {
	}

	/**
	 * The reason phrase of a status code: {@code lws_add_http_header_status()}'s table lookup.
	 * @param code the status code
	 * @return the registered phrase, or an empty string for a code without one (RFC 9112 section 4 allows an empty
	 * reason phrase, so the result can always go into a status line)
	 */
	public static String reasonPhrase(int code) {
		return switch (code) {
			case 100 -> "Continue";
			case 101 -> "Switching Protocols";
			case 200 -> "OK";
			case 201 -> "Created";
			case 202 -> "Accepted";
			case 203 -> "Non-Authoritative Information";
			case 204 -> "No Content";
			case 205 -> "Reset Content";
			case 206 -> "Partial Content";
			case 300 -> "Multiple Choices";
			case 301 -> "Moved Permanently";
			case 302 -> "Found";
			case 303 -> "See Other";
			case 304 -> "Not Modified";
			case 305 -> "Use Proxy";
			case 307 -> "Temporary Redirect";
			case 308 -> "Permanent Redirect";
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 402 -> "Payment Required";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 405 -> "Method Not Allowed";
			case 406 -> "Not Acceptable";
			case 407 -> "Proxy Authentication Required";
			case 408 -> "Request Timeout";
			case 409 -> "Conflict";
			case 410 -> "Gone";
			case 411 -> "Length Required";
			case 412 -> "Precondition Failed";
			case 413 -> "Content Too Large";
			case 414 -> "URI Too Long";
			case 415 -> "Unsupported Media Type";
			case 416 -> "Range Not Satisfiable";
			case 417 -> "Expectation Failed";
			case 421 -> "Misdirected Request";
			case 422 -> "Unprocessable Content";
			case 426 -> "Upgrade Required";
			case 428 -> "Precondition Required";
			case 429 -> "Too Many Requests";
			case 431 -> "Request Header Fields Too Large";
			case 500 -> "Internal Server Error";
			case 501 -> "Not Implemented";
			case 502 -> "Bad Gateway";
			case 503 -> "Service Unavailable";
			case 504 -> "Gateway Timeout";
			case 505 -> "HTTP Version Not Supported";
			default -> "";
		};
	}

}

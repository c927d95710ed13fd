package io.lws.core;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The header tokens a request is parsed into: libwebsockets' {@code enum lws_token_indexes} ({@code WSI_TOKEN_*}),
 * numbered as the Debian libwebsockets 4.1.6 build numbers them (every token present).
 * <p>
 * Read them with {@link Lws#hdrTotalLength(HeaderToken)}, {@link Lws#hdrCopy(HeaderToken)} and friends. Repeated
 * headers are kept as fragments, one per occurrence; the request method's token holds the URI path and
 * {@link #HTTP_URI_ARGS} holds one fragment per query argument.
 */
public enum HeaderToken {

	/** {@code WSI_TOKEN_GET_URI}: request method GET, its value the URI. */
	GET_URI(0, Kind.METHOD, "GET"),
	/** {@code WSI_TOKEN_POST_URI}: request method POST, its value the URI. */
	POST_URI(1, Kind.METHOD, "POST"),
	/** {@code WSI_TOKEN_OPTIONS_URI}: request method OPTIONS, its value the URI. */
	OPTIONS_URI(2, Kind.METHOD, "OPTIONS"),
	/** {@code WSI_TOKEN_HOST}: the host header. */
	HOST(3, Kind.HEADER, "host"),
	/** {@code WSI_TOKEN_CONNECTION}: the connection header. */
	CONNECTION(4, Kind.HEADER, "connection"),
	/** {@code WSI_TOKEN_UPGRADE}: the upgrade header. */
	UPGRADE(5, Kind.HEADER, "upgrade"),
	/** {@code WSI_TOKEN_ORIGIN}: the origin header. */
	ORIGIN(6, Kind.HEADER, "origin"),
	/** {@code WSI_TOKEN_DRAFT}: the sec-websocket-draft header. */
	DRAFT(7, Kind.HEADER, "sec-websocket-draft"),
	/** {@code WSI_TOKEN_CHALLENGE}: end of the header block (kept for numbering). */
	CHALLENGE(8, Kind.INTERNAL, ""),
	/** {@code WSI_TOKEN_EXTENSIONS}: the sec-websocket-extensions header. */
	EXTENSIONS(9, Kind.HEADER, "sec-websocket-extensions"),
	/** {@code WSI_TOKEN_KEY1}: the sec-websocket-key1 header. */
	KEY1(10, Kind.HEADER, "sec-websocket-key1"),
	/** {@code WSI_TOKEN_KEY2}: the sec-websocket-key2 header. */
	KEY2(11, Kind.HEADER, "sec-websocket-key2"),
	/** {@code WSI_TOKEN_PROTOCOL}: the sec-websocket-protocol header. */
	PROTOCOL(12, Kind.HEADER, "sec-websocket-protocol"),
	/** {@code WSI_TOKEN_ACCEPT}: the sec-websocket-accept header. */
	ACCEPT(13, Kind.HEADER, "sec-websocket-accept"),
	/** {@code WSI_TOKEN_NONCE}: the sec-websocket-nonce header. */
	NONCE(14, Kind.HEADER, "sec-websocket-nonce"),
	/** {@code WSI_TOKEN_HTTP}: request version HTTP/1.1. */
	HTTP(15, Kind.VERSION, "HTTP/1.1"),
	/** {@code WSI_TOKEN_HTTP2_SETTINGS}: the http2-settings header. */
	HTTP2_SETTINGS(16, Kind.HEADER, "http2-settings"),
	/** {@code WSI_TOKEN_HTTP_ACCEPT}: the accept header. */
	HTTP_ACCEPT(17, Kind.HEADER, "accept"),
	/** {@code WSI_TOKEN_HTTP_AC_REQUEST_HEADERS}: the access-control-request-headers header. */
	HTTP_AC_REQUEST_HEADERS(18, Kind.HEADER, "access-control-request-headers"),
	/** {@code WSI_TOKEN_HTTP_IF_MODIFIED_SINCE}: the if-modified-since header. */
	HTTP_IF_MODIFIED_SINCE(19, Kind.HEADER, "if-modified-since"),
	/** {@code WSI_TOKEN_HTTP_IF_NONE_MATCH}: the if-none-match header. */
	HTTP_IF_NONE_MATCH(20, Kind.HEADER, "if-none-match"),
	/** {@code WSI_TOKEN_HTTP_ACCEPT_ENCODING}: the accept-encoding header. */
	HTTP_ACCEPT_ENCODING(21, Kind.HEADER, "accept-encoding"),
	/** {@code WSI_TOKEN_HTTP_ACCEPT_LANGUAGE}: the accept-language header. */
	HTTP_ACCEPT_LANGUAGE(22, Kind.HEADER, "accept-language"),
	/** {@code WSI_TOKEN_HTTP_PRAGMA}: the pragma header. */
	HTTP_PRAGMA(23, Kind.HEADER, "pragma"),
	/** {@code WSI_TOKEN_HTTP_CACHE_CONTROL}: the cache-control header. */
	HTTP_CACHE_CONTROL(24, Kind.HEADER, "cache-control"),
	/** {@code WSI_TOKEN_HTTP_AUTHORIZATION}: the authorization header. */
	HTTP_AUTHORIZATION(25, Kind.HEADER, "authorization"),
	/** {@code WSI_TOKEN_HTTP_COOKIE}: the cookie header. */
	HTTP_COOKIE(26, Kind.HEADER, "cookie"),
	/** {@code WSI_TOKEN_HTTP_CONTENT_LENGTH}: the content-length header. */
	HTTP_CONTENT_LENGTH(27, Kind.HEADER, "content-length"),
	/** {@code WSI_TOKEN_HTTP_CONTENT_TYPE}: the content-type header. */
	HTTP_CONTENT_TYPE(28, Kind.HEADER, "content-type"),
	/** {@code WSI_TOKEN_HTTP_DATE}: the date header. */
	HTTP_DATE(29, Kind.HEADER, "date"),
	/** {@code WSI_TOKEN_HTTP_RANGE}: the range header. */
	HTTP_RANGE(30, Kind.HEADER, "range"),
	/** {@code WSI_TOKEN_HTTP_REFERER}: the referer header. */
	HTTP_REFERER(31, Kind.HEADER, "referer"),
	/** {@code WSI_TOKEN_KEY}: the sec-websocket-key header. */
	KEY(32, Kind.HEADER, "sec-websocket-key"),
	/** {@code WSI_TOKEN_VERSION}: the sec-websocket-version header. */
	VERSION(33, Kind.HEADER, "sec-websocket-version"),
	/** {@code WSI_TOKEN_SWORIGIN}: the sec-websocket-origin header. */
	SWORIGIN(34, Kind.HEADER, "sec-websocket-origin"),
	/** {@code WSI_TOKEN_HTTP_COLON_AUTHORITY}: HTTP/2 pseudo-header :authority. */
	HTTP_COLON_AUTHORITY(35, Kind.PSEUDO, ":authority"),
	/** {@code WSI_TOKEN_HTTP_COLON_METHOD}: HTTP/2 pseudo-header :method. */
	HTTP_COLON_METHOD(36, Kind.PSEUDO, ":method"),
	/** {@code WSI_TOKEN_HTTP_COLON_PATH}: HTTP/2 pseudo-header :path. */
	HTTP_COLON_PATH(37, Kind.PSEUDO, ":path"),
	/** {@code WSI_TOKEN_HTTP_COLON_SCHEME}: HTTP/2 pseudo-header :scheme. */
	HTTP_COLON_SCHEME(38, Kind.PSEUDO, ":scheme"),
	/** {@code WSI_TOKEN_HTTP_COLON_STATUS}: HTTP/2 pseudo-header :status. */
	HTTP_COLON_STATUS(39, Kind.PSEUDO, ":status"),
	/** {@code WSI_TOKEN_HTTP_ACCEPT_CHARSET}: the accept-charset header. */
	HTTP_ACCEPT_CHARSET(40, Kind.HEADER, "accept-charset"),
	/** {@code WSI_TOKEN_HTTP_ACCEPT_RANGES}: the accept-ranges header. */
	HTTP_ACCEPT_RANGES(41, Kind.HEADER, "accept-ranges"),
	/** {@code WSI_TOKEN_HTTP_ACCESS_CONTROL_ALLOW_ORIGIN}: the access-control-allow-origin header. */
	HTTP_ACCESS_CONTROL_ALLOW_ORIGIN(42, Kind.HEADER, "access-control-allow-origin"),
	/** {@code WSI_TOKEN_HTTP_AGE}: the age header. */
	HTTP_AGE(43, Kind.HEADER, "age"),
	/** {@code WSI_TOKEN_HTTP_ALLOW}: the allow header. */
	HTTP_ALLOW(44, Kind.HEADER, "allow"),
	/** {@code WSI_TOKEN_HTTP_CONTENT_DISPOSITION}: the content-disposition header. */
	HTTP_CONTENT_DISPOSITION(45, Kind.HEADER, "content-disposition"),
	/** {@code WSI_TOKEN_HTTP_CONTENT_ENCODING}: the content-encoding header. */
	HTTP_CONTENT_ENCODING(46, Kind.HEADER, "content-encoding"),
	/** {@code WSI_TOKEN_HTTP_CONTENT_LANGUAGE}: the content-language header. */
	HTTP_CONTENT_LANGUAGE(47, Kind.HEADER, "content-language"),
	/** {@code WSI_TOKEN_HTTP_CONTENT_LOCATION}: the content-location header. */
	HTTP_CONTENT_LOCATION(48, Kind.HEADER, "content-location"),
	/** {@code WSI_TOKEN_HTTP_CONTENT_RANGE}: the content-range header. */
	HTTP_CONTENT_RANGE(49, Kind.HEADER, "content-range"),
	/** {@code WSI_TOKEN_HTTP_ETAG}: the etag header. */
	HTTP_ETAG(50, Kind.HEADER, "etag"),
	/** {@code WSI_TOKEN_HTTP_EXPECT}: the expect header. */
	HTTP_EXPECT(51, Kind.HEADER, "expect"),
	/** {@code WSI_TOKEN_HTTP_EXPIRES}: the expires header. */
	HTTP_EXPIRES(52, Kind.HEADER, "expires"),
	/** {@code WSI_TOKEN_HTTP_FROM}: the from header. */
	HTTP_FROM(53, Kind.HEADER, "from"),
	/** {@code WSI_TOKEN_HTTP_IF_MATCH}: the if-match header. */
	HTTP_IF_MATCH(54, Kind.HEADER, "if-match"),
	/** {@code WSI_TOKEN_HTTP_IF_RANGE}: the if-range header. */
	HTTP_IF_RANGE(55, Kind.HEADER, "if-range"),
	/** {@code WSI_TOKEN_HTTP_IF_UNMODIFIED_SINCE}: the if-unmodified-since header. */
	HTTP_IF_UNMODIFIED_SINCE(56, Kind.HEADER, "if-unmodified-since"),
	/** {@code WSI_TOKEN_HTTP_LAST_MODIFIED}: the last-modified header. */
	HTTP_LAST_MODIFIED(57, Kind.HEADER, "last-modified"),
	/** {@code WSI_TOKEN_HTTP_LINK}: the link header. */
	HTTP_LINK(58, Kind.HEADER, "link"),
	/** {@code WSI_TOKEN_HTTP_LOCATION}: the location header. */
	HTTP_LOCATION(59, Kind.HEADER, "location"),
	/** {@code WSI_TOKEN_HTTP_MAX_FORWARDS}: the max-forwards header. */
	HTTP_MAX_FORWARDS(60, Kind.HEADER, "max-forwards"),
	/** {@code WSI_TOKEN_HTTP_PROXY_AUTHENTICATE}: the proxy-authenticate header. */
	HTTP_PROXY_AUTHENTICATE(61, Kind.HEADER, "proxy-authenticate"),
	/** {@code WSI_TOKEN_HTTP_PROXY_AUTHORIZATION}: the proxy-authorization header. */
	HTTP_PROXY_AUTHORIZATION(62, Kind.HEADER, "proxy-authorization"),
	/** {@code WSI_TOKEN_HTTP_REFRESH}: the refresh header. */
	HTTP_REFRESH(63, Kind.HEADER, "refresh"),
	/** {@code WSI_TOKEN_HTTP_RETRY_AFTER}: the retry-after header. */
	HTTP_RETRY_AFTER(64, Kind.HEADER, "retry-after"),
	/** {@code WSI_TOKEN_HTTP_SERVER}: the server header. */
	HTTP_SERVER(65, Kind.HEADER, "server"),
	/** {@code WSI_TOKEN_HTTP_SET_COOKIE}: the set-cookie header. */
	HTTP_SET_COOKIE(66, Kind.HEADER, "set-cookie"),
	/** {@code WSI_TOKEN_HTTP_STRICT_TRANSPORT_SECURITY}: the strict-transport-security header. */
	HTTP_STRICT_TRANSPORT_SECURITY(67, Kind.HEADER, "strict-transport-security"),
	/** {@code WSI_TOKEN_HTTP_TRANSFER_ENCODING}: the transfer-encoding header. */
	HTTP_TRANSFER_ENCODING(68, Kind.HEADER, "transfer-encoding"),
	/** {@code WSI_TOKEN_HTTP_USER_AGENT}: the user-agent header. */
	HTTP_USER_AGENT(69, Kind.HEADER, "user-agent"),
	/** {@code WSI_TOKEN_HTTP_VARY}: the vary header. */
	HTTP_VARY(70, Kind.HEADER, "vary"),
	/** {@code WSI_TOKEN_HTTP_VIA}: the via header. */
	HTTP_VIA(71, Kind.HEADER, "via"),
	/** {@code WSI_TOKEN_HTTP_WWW_AUTHENTICATE}: the www-authenticate header. */
	HTTP_WWW_AUTHENTICATE(72, Kind.HEADER, "www-authenticate"),
	/** {@code WSI_TOKEN_PATCH_URI}: request method PATCH, its value the URI. */
	PATCH_URI(73, Kind.METHOD, "PATCH"),
	/** {@code WSI_TOKEN_PUT_URI}: request method PUT, its value the URI. */
	PUT_URI(74, Kind.METHOD, "PUT"),
	/** {@code WSI_TOKEN_DELETE_URI}: request method DELETE, its value the URI. */
	DELETE_URI(75, Kind.METHOD, "DELETE"),
	/** {@code WSI_TOKEN_HTTP_URI_ARGS}: the URI query arguments, one fragment per argument. */
	HTTP_URI_ARGS(76, Kind.INTERNAL, "uri-args"),
	/** {@code WSI_TOKEN_PROXY}: engine-internal storage. */
	PROXY(77, Kind.INTERNAL, "proxy"),
	/** {@code WSI_TOKEN_HTTP_X_REAL_IP}: the x-real-ip header. */
	HTTP_X_REAL_IP(78, Kind.HEADER, "x-real-ip"),
	/** {@code WSI_TOKEN_HTTP1_0}: request version HTTP/1.0. */
	HTTP1_0(79, Kind.VERSION, "HTTP/1.0"),
	/** {@code WSI_TOKEN_X_FORWARDED_FOR}: the x-forwarded-for header. */
	X_FORWARDED_FOR(80, Kind.HEADER, "x-forwarded-for"),
	/** {@code WSI_TOKEN_CONNECT}: request method CONNECT, its value the URI. */
	CONNECT(81, Kind.METHOD, "CONNECT"),
	/** {@code WSI_TOKEN_HEAD_URI}: request method HEAD, its value the URI. */
	HEAD_URI(82, Kind.METHOD, "HEAD"),
	/** {@code WSI_TOKEN_TE}: the te header. */
	TE(83, Kind.HEADER, "te"),
	/** {@code WSI_TOKEN_REPLAY_NONCE}: the replay-nonce header. */
	REPLAY_NONCE(84, Kind.HEADER, "replay-nonce"),
	/** {@code WSI_TOKEN_COLON_PROTOCOL}: HTTP/2 pseudo-header :protocol. */
	COLON_PROTOCOL(85, Kind.PSEUDO, ":protocol"),
	/** {@code WSI_TOKEN_X_AUTH_TOKEN}: the x-auth-token header. */
	X_AUTH_TOKEN(86, Kind.HEADER, "x-auth-token"),
	/** {@code _WSI_TOKEN_CLIENT_SENT_PROTOCOLS}: engine-internal storage. */
	CLIENT_SENT_PROTOCOLS(87, Kind.INTERNAL, ""),
	/** {@code _WSI_TOKEN_CLIENT_PEER_ADDRESS}: engine-internal storage. */
	CLIENT_PEER_ADDRESS(88, Kind.INTERNAL, ""),
	/** {@code _WSI_TOKEN_CLIENT_URI}: engine-internal storage. */
	CLIENT_URI(89, Kind.INTERNAL, ""),
	/** {@code _WSI_TOKEN_CLIENT_HOST}: engine-internal storage. */
	CLIENT_HOST(90, Kind.INTERNAL, ""),
	/** {@code _WSI_TOKEN_CLIENT_ORIGIN}: engine-internal storage. */
	CLIENT_ORIGIN(91, Kind.INTERNAL, ""),
	/** {@code _WSI_TOKEN_CLIENT_METHOD}: engine-internal storage. */
	CLIENT_METHOD(92, Kind.INTERNAL, ""),
	/** {@code _WSI_TOKEN_CLIENT_IFACE}: engine-internal storage. */
	CLIENT_IFACE(93, Kind.INTERNAL, ""),
	/** {@code _WSI_TOKEN_CLIENT_ALPN}: engine-internal storage. */
	CLIENT_ALPN(94, Kind.INTERNAL, "");

	/** What a token stands for. */
	public enum Kind {

		/** A request method; the token's value is the request URI path. */
		METHOD,
		/** An HTTP/1 header, matched by name without regard to case. */
		HEADER,
		/** An HTTP/2 pseudo-header (not produced by the HTTP/1 parser). */
		PSEUDO,
		/** The request's HTTP version. */
		VERSION,
		/** Storage the engine uses for itself. */
		INTERNAL

	}

	private static final Map<String, HeaderToken> BY_HEADER_NAME = new HashMap<>();

	private static final Map<String, HeaderToken> BY_METHOD = new HashMap<>();

	private static final HeaderToken[] BY_INDEX = values();

	static {
		for (HeaderToken token : BY_INDEX) {
			if (token.kind == Kind.HEADER) {
				BY_HEADER_NAME.put(token.headerName, token);
			}
			else if (token.kind == Kind.METHOD) {
				BY_METHOD.put(token.headerName, token);
			}
		}
	}

	private final int value;

	private final Kind kind;

	private final String headerName;

	HeaderToken(int value, Kind kind, String headerName) {
		this.value = value;
		this.kind = kind;
		this.headerName = headerName;
	}

	/** The {@code WSI_TOKEN_*} number (Debian 4.1.6 numbering). */
	public int value() {
		return this.value;
	}

	/** What this token stands for. */
	public Kind kind() {
		return this.kind;
	}

	/** The lower-case header name, the upper-case method name, or the version string, by {@link #kind()}. */
	public String headerName() {
		return this.headerName;
	}

	/** The token of a header name (any case), or {@code null} when the engine has no token for it. */
	public static HeaderToken forHeaderName(String name) {
		return BY_HEADER_NAME.get(name.toLowerCase(Locale.ROOT));
	}

	/** The token of a request method name (exact, upper case), or {@code null} for a method lws does not serve. */
	public static HeaderToken forMethod(String method) {
		return BY_METHOD.get(method);
	}

	/** The number of tokens, for sizing per-token tables. */
	public static int count() {
		return BY_INDEX.length;
	}

}

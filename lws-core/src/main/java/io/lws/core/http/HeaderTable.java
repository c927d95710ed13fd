package io.lws.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.lws.core.HeaderToken;
import io.lws.core.TokenLimits;

/**
 * The header storage of one connection while it parses and serves a request: libwebsockets' "allocated headers",
 * {@code struct allocated_headers} (the {@code ah}), together with the {@code lws_hdr_*()} functions that read it
 * and the incremental state of {@code lws_parse()}.
 * <p>
 * A table owns one byte array of {@code dataSize} bytes ({@code max_http_header_data}) and a fragment table of
 * {@code maxFragments} entries, both allocated by the constructor and reused for request after request through
 * {@link #reset()}; parsing allocates nothing. A connection that holds a table holds its parse state; one that does
 * not holds nothing, which is what lets a server keep a bounded pool of tables for many idle connections.
 * <p>
 * {@link #parse(ByteBuffer)} accepts the request head in pieces of any size, down to one byte. When it returns
 * {@link ParseResult#COMPLETE} the accessors describe the request until the next {@link #reset()}; when it returns
 * {@link ParseResult#ERROR}, {@link #error()} says which status to answer with and why. Values are stored as
 * received and decoded as UTF-8 only when read as Strings (malformed bytes become U+FFFD); the {@code copy}
 * methods give the raw bytes.
 * <p>
 * Each line is read into the unused part of the buffer as it arrives (without its line ending), then compacted:
 * the request line leaves the raw target followed by the decoded path and query arguments, a header line leaves
 * its trimmed value, a custom header line its name and value. A line that does not fit in the unused part as
 * received is refused, with 414 for the request line and 431 for a header line; libwebsockets closes the
 * connection without a word instead.
 * <p>
 * Not thread-safe: a table belongs to the service thread of the connection holding it.
 */
public final class HeaderTable {

	/** libwebsockets 4.x's default {@code max_http_header_data}. */
	public static final int DEFAULT_DATA_SIZE = 4096;

	/** Fragments per table unless told otherwise: more than lws' {@code WSI_TOKEN_COUNT}, for query arguments. */
	public static final int DEFAULT_MAX_FRAGMENTS = 128;

	/** Where the parse is: reading the request line, reading header lines, or finished one way or the other. */
	private enum State {

		/** Reading the request line, skipping empty lines before it (RFC 9112 section 2.2). */
		REQUEST_LINE,
		/** Reading header lines until the empty line that ends the head. */
		HEADER_LINE,
		/** The head is complete and valid. */
		COMPLETE,
		/** The head was refused; {@link #error} says why. */
		ERROR

	}

	private final FragmentStore store;

	private final TokenLimits limits;

	private final RequestLineReader requestLine = new RequestLineReader();

	private final MessageFraming framing = new MessageFraming();

	private final StatusLineReader statusLine = new StatusLineReader();

	/** Whether the head being parsed is a response (a client connection's): a status line comes first. */
	private boolean response;

	private State state;

	/** The current line is {@code data[store.used(), lineEnd)}: it is read into the free part of the buffer. */
	private int lineEnd;

	/** A CR ended the last byte offered; the next byte must be LF. */
	private boolean pendingCr;

	private RequestError error;

	/** A table of lws 4.x's default size: 4096 bytes, 128 fragments, no token limits. */
	public HeaderTable() {
		this(DEFAULT_DATA_SIZE, DEFAULT_MAX_FRAGMENTS, TokenLimits.none());
	}

	/**
	 * A table of {@code dataSize} bytes with the default fragment count and no token limits.
	 * @param dataSize the bytes of header data a request may use ({@code max_http_header_data})
	 */
	public HeaderTable(int dataSize) {
		this(dataSize, DEFAULT_MAX_FRAGMENTS, TokenLimits.none());
	}

	/**
	 * A table as {@code lws_header_table_attach()} would allocate it for a context.
	 * @param dataSize the bytes of header data a request may use ({@code max_http_header_data}); the raw request
	 * target, the decoded path and arguments, each header value and each custom header's name count against it
	 * @param maxFragments how many values a request may store: one per header occurrence, custom header and query
	 * argument, plus one for the path
	 * @param limits the longest value per token ({@code token_limits})
	 */
	public HeaderTable(int dataSize, int maxFragments, TokenLimits limits) {
		if (dataSize < 1) {
			throw new IllegalArgumentException("The header data size must be positive, got " + dataSize);
		}
		if (maxFragments < 1) {
			throw new IllegalArgumentException("The fragment count must be positive, got " + maxFragments);
		}
		if (limits == null) {
			throw new IllegalArgumentException("The token limits must not be null");
		}
		this.store = new FragmentStore(dataSize, maxFragments);
		this.limits = limits;
		reset();
	}

	/**
	 * Forgets the request so the table can parse the next one: what {@code lws_header_table_reset()} does between
	 * keep-alive or pipelined requests. Nothing is allocated or freed.
	 */
	public void reset() {
		this.response = false;
		resetParse();
	}

	/**
	 * Forgets what was parsed and makes ready to parse a response head (status line, then headers), as libwebsockets'
	 * client does with its header table after sending a request. The status code becomes the value of
	 * {@link HeaderToken#HTTP} and {@link #responseStatus()}.
	 */
	public void resetForResponse() {
		this.response = true;
		resetParse();
	}

	private void resetParse() {
		this.store.reset();
		this.statusLine.reset();
		this.requestLine.reset();
		this.framing.reset();
		this.state = State.REQUEST_LINE;
		this.lineEnd = 0;
		this.pendingCr = false;
		this.error = null;
	}

	/**
	 * Consumes request-head bytes: libwebsockets' {@code lws_parse()} loop over a read. Lines may end in CRLF or a
	 * bare LF; any number of empty lines before the request line are skipped (they take no room). An HTTP/0.9
	 * request line ({@code GET /} without a version) is refused with 505.
	 * @param in the bytes read, from its position to its limit; any size, one byte at a time included
	 * @return {@link ParseResult#NEED_MORE} when all of {@code in} was consumed and the head is not finished;
	 * {@link ParseResult#COMPLETE} with {@code in}'s position just past the empty line ending the head, leaving a
	 * body, a pipelined request or WebSocket frames unconsumed; {@link ParseResult#ERROR} when the head is refused
	 * (see {@link #error()}). Once complete or refused, further calls return the same result and consume nothing
	 * until {@link #reset()}.
	 */
	public ParseResult parse(ByteBuffer in) {
		if (this.state == State.COMPLETE) {
			return ParseResult.COMPLETE;
		}
		if (this.state == State.ERROR) {
			return ParseResult.ERROR;
		}
		byte[] data = this.store.data();
		while (in.hasRemaining()) {
			byte b = in.get();
			if (this.pendingCr) {
				this.pendingCr = false;
				if (b != HttpChars.LF) {
					return fail(RequestError.BARE_CR);
				}
			}
			else if (b == HttpChars.CR) {
				// held back rather than stored, so a line may fill the buffer exactly
				this.pendingCr = true;
				continue;
			}
			if (b == HttpChars.LF) {
				ParseResult result = endOfLine();
				if (result != ParseResult.NEED_MORE) {
					return result;
				}
			}
			else if (this.lineEnd == data.length) {
				return fail((this.state == State.REQUEST_LINE) ? RequestError.REQUEST_LINE_TOO_LONG
						: RequestError.HEADERS_TOO_LARGE);
			}
			else {
				if (this.lineEnd == this.store.used() && this.state == State.REQUEST_LINE && !this.response
						&& !HttpChars.isTchar(b)) {
					// a request line starts with a method token: a TLS ClientHello (0x16) or other binary sent to a
					// plain port is refused at its first byte instead of waited on until the idle timeout
					return fail(RequestError.BAD_METHOD);
				}
				data[this.lineEnd++] = b;
			}
		}
		return ParseResult.NEED_MORE;
	}

	private ParseResult endOfLine() {
		int start = this.store.used();
		int end = this.lineEnd;
		switch (this.state) {
			case REQUEST_LINE -> {
				if (start == end) {
					return ParseResult.NEED_MORE;
				}
				RequestError refused = this.response ? this.statusLine.read(this.store, start, end)
						: this.requestLine.read(this.store, start, end, this.limits);
				if (refused != null) {
					return fail(refused);
				}
				this.state = State.HEADER_LINE;
			}
			case HEADER_LINE -> {
				RequestError refused = (start == end) ? checkHead() : HeaderLineReader.read(this.store, start, end,
						this.limits);
				if (refused != null) {
					return fail(refused);
				}
				if (start == end) {
					this.state = State.COMPLETE;
					return ParseResult.COMPLETE;
				}
			}
			default -> throw new IllegalStateException("No line is read in state " + this.state);
		}
		this.lineEnd = this.store.used();
		return ParseResult.NEED_MORE;
	}

	/** The checks of a complete head: its framing and Host, and the host of an absolute-form target. */
	private RequestError checkHead() {
		RequestError refused = this.framing.check(this.store, isHttp10(), this.response);
		if (refused == null && !this.response) {
			RequestTargetDecoder target = this.requestLine.target();
			if (target.hostOffset() >= 0 && !HostValue.isValid(this.store.data(), target.hostOffset(),
					target.hostOffset() + target.hostLength())) {
				return RequestError.BAD_HOST;
			}
		}
		return refused;
	}

	/**
	 * Whether the request is a HEAD, also when its line was refused before the method was taken (a line over the
	 * buffer, an unsupported version): the answer to a HEAD has no content whatever its status.
	 * @return {@code true} for a HEAD request
	 */
	public boolean isHeadRequest() {
		if (method() != null) {
			return method() == HeaderToken.HEAD_URI;
		}
		byte[] data = this.store.data();
		int start = this.store.used();
		return !this.response && this.lineEnd - start >= 5 && data[start] == 'H' && data[start + 1] == 'E'
				&& data[start + 2] == 'A' && data[start + 3] == 'D' && data[start + 4] == ' ';
	}

	private ParseResult fail(RequestError error) {
		this.error = error;
		this.state = State.ERROR;
		return ParseResult.ERROR;
	}

	/**
	 * Whether the last {@link #parse} completed a valid head.
	 * @return {@code true} between {@link ParseResult#COMPLETE} and {@link #reset()}
	 */
	public boolean isComplete() {
		return this.state == State.COMPLETE;
	}

	/**
	 * Why the head was refused.
	 * @return the error after {@link ParseResult#ERROR}, otherwise {@code null}
	 */
	public RequestError error() {
		return this.error;
	}

	/**
	 * The status to answer a refused head with (400, 414, 431, 501 or 505).
	 * @return the status after {@link ParseResult#ERROR}, otherwise 0
	 */
	public int errorStatus() {
		return (this.error != null) ? this.error.status() : 0;
	}

	/**
	 * One plain sentence saying why the head was refused.
	 * @return the reason after {@link ParseResult#ERROR}, otherwise {@code null}
	 */
	public String errorReason() {
		return (this.error != null) ? this.error.reason() : null;
	}

	// ---- request line

	/**
	 * The method's token ({@code GET_URI}, {@code POST_URI}, ...): what lws finds with
	 * {@code lws_http_get_uri_and_method()}.
	 * @return the token, or {@code null} before the request line is read or when it was refused
	 */
	public HeaderToken method() {
		return this.requestLine.method();
	}

	/**
	 * The method as sent.
	 * @return {@code GET}, {@code POST} and so on, or {@code null} when {@link #method()} is
	 */
	public String methodName() {
		HeaderToken method = method();
		return (method != null) ? method.headerName() : null;
	}

	/**
	 * Whether the request is HTTP/1.0 (libwebsockets' {@code WSI_TOKEN_HTTP1_0} test); otherwise it is HTTP/1.1.
	 * @return {@code true} for HTTP/1.0
	 */
	public boolean isHttp10() {
		return this.response ? this.statusLine.isHttp10() : this.requestLine.isHttp10();
	}

	/**
	 * The status code of a parsed response ({@code lws_http_client_http_response()}).
	 * @return the code, or 0 when no status line was read (or the table parses requests)
	 */
	public int responseStatus() {
		return this.statusLine.status();
	}

	/**
	 * The request path after %-decoding and dot-segment removal: the value of the method's token, as
	 * {@code lws_hdr_copy(wsi, .., WSI_TOKEN_GET_URI)} gives it. It is {@code *} for {@code OPTIONS *} and the
	 * authority for CONNECT.
	 * @return the path, or {@code null} before the request line is read
	 */
	public String uriPath() {
		HeaderToken method = method();
		return (method != null) ? value(method) : null;
	}

	/**
	 * The request target as sent, path and query undecoded. It is kept even when the target is then refused
	 * (bad form, bad %-encoding, traversal characters), so the refusal can be logged.
	 * @return the raw target, or {@code null} before a request line with a served method and well-formed target
	 * characters is read
	 */
	public String rawUri() {
		int length = this.requestLine.rawLength();
		return (length > 0) ? this.store.string(this.requestLine.rawOffset(), length) : null;
	}

	/**
	 * The authority of an absolute-form target ({@code GET http://example.com:8080/ HTTP/1.1}), which RFC 9112
	 * section 3.2.2 says takes the place of the Host header.
	 * @return {@code host[:port]} as sent, or {@code null} when the target was not in absolute-form
	 */
	public String absoluteFormHost() {
		RequestTargetDecoder target = this.requestLine.target();
		return (target.hostOffset() >= 0) ? this.store.string(target.hostOffset(), target.hostLength()) : null;
	}

	// ---- lws_hdr_*

	/**
	 * Whether the request carried a token at all, even with an empty value; {@link #totalLength} cannot tell an
	 * empty value from an absent one.
	 * @param token the token
	 * @return {@code true} when the token has at least one fragment
	 */
	public boolean has(HeaderToken token) {
		return this.store.count(token) > 0;
	}

	/**
	 * {@code lws_hdr_total_length()}: the length of every fragment plus one separator between each (lws 4.x).
	 * @param token the token
	 * @return the joined length in bytes, 0 when absent
	 */
	public int totalLength(HeaderToken token) {
		return this.store.totalLength(token);
	}

	/**
	 * How many fragments a token has: one per occurrence of a header, one per query argument.
	 * @param token the token
	 * @return the fragment count, 0 when absent
	 */
	public int fragmentCount(HeaderToken token) {
		return this.store.count(token);
	}

	/**
	 * {@code lws_hdr_fragment_length()}: the length of one fragment.
	 * @param token the token
	 * @param fragIdx the fragment, from 0
	 * @return its length in bytes, 0 when there is no such fragment
	 */
	public int fragmentLength(HeaderToken token, int fragIdx) {
		int frag = this.store.fragment(token, fragIdx);
		return (frag != FragmentStore.NONE) ? this.store.valueLength(frag) : 0;
	}

	/**
	 * {@code lws_hdr_copy()}: copies a token's fragments joined by {@code ,} ({@code ;} for Cookie) into
	 * {@code dst} at its position. Unlike lws no terminating NUL is written or needed.
	 * @param token the token
	 * @param dst where to copy
	 * @return the length copied ({@link #totalLength}); 0 with nothing copied when the token is absent; -1 with
	 * nothing copied when {@code dst} has less room than that
	 */
	public int copy(HeaderToken token, ByteBuffer dst) {
		int first = this.store.first(token);
		if (first == FragmentStore.NONE) {
			return 0;
		}
		return this.store.copyChain(first, totalLength(token), FragmentStore.separator(token), dst);
	}

	/**
	 * {@code lws_hdr_copy_fragment()}: copies one fragment into {@code dst} at its position.
	 * @param token the token
	 * @param fragIdx the fragment, from 0
	 * @param dst where to copy
	 * @return the length copied, or -1 with nothing copied when the fragment is absent or {@code dst} is too small
	 */
	public int copyFragment(HeaderToken token, int fragIdx, ByteBuffer dst) {
		int frag = this.store.fragment(token, fragIdx);
		return (frag != FragmentStore.NONE) ? this.store.copyFragment(frag, dst) : -1;
	}

	/**
	 * A token's value as a String: its fragments joined as {@link #copy} joins them, decoded as UTF-8.
	 * @param token the token
	 * @return the value, or {@code null} when absent
	 */
	public String value(HeaderToken token) {
		return this.store.joined(token);
	}

	/**
	 * One fragment as a String, decoded as UTF-8.
	 * @param token the token
	 * @param idx the fragment, from 0
	 * @return the fragment, or {@code null} when absent
	 */
	public String fragment(HeaderToken token, int idx) {
		int frag = this.store.fragment(token, idx);
		return (frag != FragmentStore.NONE)
				? this.store.string(this.store.valueOffset(frag), this.store.valueLength(frag)) : null;
	}

	// ---- custom headers (LWS_WITH_CUSTOM_HEADERS)

	/**
	 * The value of a header the engine has no token for: {@code lws_hdr_custom_copy()}. Several occurrences are
	 * joined with {@code ,}.
	 * @param nameCaseInsensitive the header name, any case
	 * @return the value, or {@code null} when the request did not carry that header
	 */
	public String customHeader(String nameCaseInsensitive) {
		int first = FragmentStore.NONE;
		int matches = 0;
		int length = 0;
		for (int frag = this.store.customFirst(); frag != FragmentStore.NONE; frag = this.store.next(frag)) {
			if (this.store.customNameIs(frag, nameCaseInsensitive)) {
				first = (matches == 0) ? frag : first;
				matches++;
				length += this.store.valueLength(frag);
			}
		}
		if (matches == 0) {
			return null;
		}
		if (matches == 1) {
			return this.store.string(this.store.valueOffset(first), this.store.valueLength(first));
		}
		byte[] joined = new byte[length + matches - 1];
		int at = 0;
		for (int frag = first; frag != FragmentStore.NONE; frag = this.store.next(frag)) {
			if (this.store.customNameIs(frag, nameCaseInsensitive)) {
				if (at > 0) {
					joined[at++] = ',';
				}
				System.arraycopy(this.store.data(), this.store.valueOffset(frag), joined, at,
						this.store.valueLength(frag));
				at += this.store.valueLength(frag);
			}
		}
		return new String(joined, StandardCharsets.UTF_8);
	}

	/**
	 * How many custom header lines the request had: what {@code lws_hdr_custom_name_foreach()} would visit.
	 * @return the count, in arrival order for {@link #customHeaderName} and {@link #customHeaderValue}
	 */
	public int customHeaderCount() {
		return this.store.customCount();
	}

	/**
	 * The name of a custom header, as sent.
	 * @param idx which custom header, from 0, in arrival order
	 * @return its name, or {@code null} when out of range
	 */
	public String customHeaderName(int idx) {
		int frag = this.store.custom(idx);
		return (frag != FragmentStore.NONE) ? this.store.customName(frag) : null;
	}

	/**
	 * The value of a custom header.
	 * @param idx which custom header, from 0, in arrival order
	 * @return its value, or {@code null} when out of range
	 */
	public String customHeaderValue(int idx) {
		int frag = this.store.custom(idx);
		return (frag != FragmentStore.NONE)
				? this.store.string(this.store.valueOffset(frag), this.store.valueLength(frag)) : null;
	}

	// ---- framing and connection

	/**
	 * The declared body length (lws' {@code wsi->http.rx_content_length}).
	 * @return the Content-Length, or -1 when there is none (or the head is not complete)
	 */
	public long contentLength() {
		return this.framing.contentLength();
	}

	/**
	 * Whether the body is chunked: decode it with a {@link ChunkedBodyDecoder}.
	 * @return {@code true} when Transfer-Encoding is {@code chunked}
	 */
	public boolean isChunked() {
		return this.framing.isChunked();
	}

	/**
	 * Whether the connection stays open after the response, as {@code lws_http_transaction_completed()} decides:
	 * HTTP/1.1 by default, HTTP/1.0 only with {@code Connection: keep-alive}, never with {@code Connection: close}
	 * or after a refused head.
	 * @return {@code true} to keep the connection
	 */
	public boolean keepAlive() {
		if (this.state == State.ERROR || hasConnectionToken("close")) {
			return false;
		}
		return hasConnectionToken("keep-alive") || !isHttp10();
	}

	/**
	 * Whether the Connection header lists a token, e.g. {@code upgrade} (any case, any occurrence).
	 * @param token the connection option
	 * @return {@code true} when listed
	 */
	public boolean hasConnectionToken(String token) {
		return TokenList.contains(this.store, HeaderToken.CONNECTION, token);
	}

	/**
	 * Whether the Upgrade header lists a protocol, e.g. {@code websocket} or {@code h2c} (any case, any
	 * occurrence): the test {@code lws_handshake_server()} makes before choosing a role.
	 * @param protocol the protocol name
	 * @return {@code true} when listed
	 */
	public boolean hasUpgradeToken(String protocol) {
		return TokenList.contains(this.store, HeaderToken.UPGRADE, protocol);
	}

	// ---- sizes

	/**
	 * How many bytes of the buffer the stored values use.
	 * @return the bytes used, at most {@link #dataSize()}
	 */
	public int usedBytes() {
		return this.store.used();
	}

	/**
	 * The buffer's size ({@code max_http_header_data}).
	 * @return the size in bytes
	 */
	public int dataSize() {
		return this.store.capacity();
	}

	/**
	 * The size of the fragment table.
	 * @return how many values a request may store
	 */
	public int maxFragments() {
		return this.store.fragmentCapacity();
	}

	@Override
	public String toString() {
		return "HeaderTable{state=" + this.state + ", method=" + method() + ", used=" + usedBytes() + "/" + dataSize()
				+ ", fragments=" + this.store.fragmentsUsed() + "/" + maxFragments()
				+ ((this.error != null) ? ", error=" + this.error : "") + "}";
	}

}

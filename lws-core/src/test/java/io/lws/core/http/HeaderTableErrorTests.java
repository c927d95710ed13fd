package io.lws.core.http;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;

import io.lws.core.HeaderToken;
import io.lws.core.TokenLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each rule that refuses a request head, with the exact status and reason, fed in every cutting.
 */
class HeaderTableErrorTests {

	private static final TokenLimits LIMITS = TokenLimits.builder()
		.limit(HeaderToken.PUT_URI, 10)
		.limit(HeaderToken.HTTP_USER_AGENT, 10)
		.build();

	private static HeaderTable table() {
		return new HeaderTable(256, 8, LIMITS);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			REQUEST_LINE_TOO_LONG                | 414 | The request line does not fit in the header buffer.
			URI_OVER_TOKEN_LIMIT                 | 414 | The request URI is longer than its token limit.
			HEADERS_TOO_LARGE                    | 431 | The request headers do not fit in the header buffer.
			HEADER_OVER_TOKEN_LIMIT              | 431 | A header value is longer than its token limit.
			TOO_MANY_FRAGMENTS                   | 431 | The head has too many header fragments.
			BARE_CR                              | 400 | A CR in the head is not followed by LF.
			BAD_METHOD                           | 400 | The request method is not a valid token.
			MALFORMED_REQUEST_LINE               | 400 | The request line is malformed.
			BAD_URI_CHARACTER                    | 400 | The request URI contains a character that is not allowed.
			BAD_URI_FORM                         | 400 | The request URI is not in a form the server accepts.
			BAD_PERCENT_ENCODING                 | 400 | The request URI has a bad percent-encoding.
			ENCODED_NUL                          | 400 | The request URI contains an encoded NUL.
			BACKSLASH_IN_PATH                    | 400 | The request path contains a backslash.
			CONTROL_IN_PATH                      | 400 | The request path contains a control character.
			OBSOLETE_LINE_FOLDING                | 400 | A header line starts with whitespace (obsolete line folding).
			HEADER_WITHOUT_COLON                 | 400 | A header line has no colon.
			BAD_HEADER_NAME                      | 400 | A header name is not a valid token.
			WHITESPACE_BEFORE_COLON              | 400 | A header name is followed by whitespace before the colon.
			CONTROL_IN_HEADER_VALUE              | 400 | A header value contains a control character.
			MISSING_HOST                         | 400 | An HTTP/1.1 request has no Host header.
			MULTIPLE_HOST                        | 400 | The request has more than one Host header.
			BAD_CONTENT_LENGTH                   | 400 | The Content-Length header is not a decimal number.
			CONFLICTING_CONTENT_LENGTH           | 400 | The Content-Length header is repeated with different values.
			REPEATED_CONTENT_LENGTH              | 400 | The Content-Length header is repeated.
			BAD_HOST                             | 400 | The Host header is not a valid host and port.
			CONTENT_LENGTH_AND_TRANSFER_ENCODING | 400 | The message has both Content-Length and Transfer-Encoding.
			UNSUPPORTED_TRANSFER_ENCODING        | 501 | The Transfer-Encoding header names a coding other than chunked.
			CHUNKED_NOT_FINAL                    | 400 | The Transfer-Encoding header does not end with chunked, once.
			TRANSFER_ENCODING_IN_HTTP10          | 400 | An HTTP/1.0 message has a Transfer-Encoding header.
			METHOD_NOT_IMPLEMENTED               | 501 | The request method is not implemented.
			VERSION_NOT_SUPPORTED                | 505 | The HTTP version is not supported.
			""")
	void everyErrorHasItsStatusAndReason(RequestError error, int status, String reason) {
		assertThat(error.status()).isEqualTo(status);
		assertThat(error.reason()).isEqualTo(reason);
	}

	static Stream<Arguments> refusedHeads() {
		String longPath = "/" + "a".repeat(300);
		String halfPath = "/" + "a".repeat(150);
		return Stream.of(
				arguments(head("GET " + longPath + " HTTP/1.1", "Host: h"), RequestError.REQUEST_LINE_TOO_LONG),
				// the raw line fits, but not the raw target and its decoded path together
				arguments(head("GET " + halfPath + " HTTP/1.1", "Host: h"), RequestError.REQUEST_LINE_TOO_LONG),
				arguments(head("PUT /abcdefghij HTTP/1.1", "Host: h"), RequestError.URI_OVER_TOKEN_LIMIT),
				arguments(head("PUT /abcde?f=12 HTTP/1.1", "Host: h"), RequestError.URI_OVER_TOKEN_LIMIT),
				arguments(head("GET / HTTP/1.1", "Host: h", "X-Big: " + "b".repeat(300)),
						RequestError.HEADERS_TOO_LARGE),
				arguments(head("GET / HTTP/1.1", "Host: h", "User-Agent: 12345678901"),
						RequestError.HEADER_OVER_TOKEN_LIMIT),
				arguments(head("GET / HTTP/1.1", "Host: h", "User-Agent: 12345", "User-Agent: 12345"),
						RequestError.HEADER_OVER_TOKEN_LIMIT),
				arguments(head("GET / HTTP/1.1", "Host: h", "A: 1", "B: 2", "C: 3", "D: 4", "E: 5", "F: 6", "G: 7"),
						RequestError.TOO_MANY_FRAGMENTS),
				arguments(head("GET /?a&b&c&d&e&f&g&h HTTP/1.1", "Host: h"), RequestError.TOO_MANY_FRAGMENTS),
				arguments("GET / HTTP/1.1\rHost: h\r\n\r\n", RequestError.BARE_CR),
				arguments("GET / HTTP/1.1\r\nHost: h\r\r\n\r\n", RequestError.BARE_CR),
				arguments("GET / HTTP/1.1\r\nHost: h\r\n\r\r\n", RequestError.BARE_CR),
				arguments(head("G@T / HTTP/1.1", "Host: h"), RequestError.BAD_METHOD),
				arguments(head(" GET / HTTP/1.1", "Host: h"), RequestError.BAD_METHOD),
				arguments(head("GET\t/ HTTP/1.1", "Host: h"), RequestError.BAD_METHOD),
				arguments(head("GET", "Host: h"), RequestError.MALFORMED_REQUEST_LINE),
				arguments(head("GET ", "Host: h"), RequestError.MALFORMED_REQUEST_LINE),
				arguments(head("GET  / HTTP/1.1", "Host: h"), RequestError.MALFORMED_REQUEST_LINE),
				arguments(head("GET / HTTP/1.1 ", "Host: h"), RequestError.MALFORMED_REQUEST_LINE),
				arguments(head("GET / http/1.1", "Host: h"), RequestError.MALFORMED_REQUEST_LINE),
				arguments(head("GET / HTTP/1", "Host: h"), RequestError.MALFORMED_REQUEST_LINE),
				arguments(head("GET / HTTP/11.1", "Host: h"), RequestError.MALFORMED_REQUEST_LINE),
				arguments(head("GET / HTTP/1.1 extra", "Host: h"), RequestError.MALFORMED_REQUEST_LINE),
				arguments(head("GET / HTTP/3.0", "Host: h"), RequestError.VERSION_NOT_SUPPORTED),
				arguments(head("GET / HTTP/2.0", "Host: h"), RequestError.VERSION_NOT_SUPPORTED),
				arguments(head("GET / HTTP/0.9", "Host: h"), RequestError.VERSION_NOT_SUPPORTED),
				arguments("GET /\r\n", RequestError.VERSION_NOT_SUPPORTED),
				arguments(head("FOO / HTTP/1.1", "Host: h"), RequestError.METHOD_NOT_IMPLEMENTED),
				arguments(head("TRACE / HTTP/1.1", "Host: h"), RequestError.METHOD_NOT_IMPLEMENTED),
				arguments(head("get / HTTP/1.1", "Host: h"), RequestError.METHOD_NOT_IMPLEMENTED),
				arguments(head("GET /a#b HTTP/1.1", "Host: h"), RequestError.BAD_URI_CHARACTER),
				arguments(head("GET /a\u0001b HTTP/1.1", "Host: h"), RequestError.BAD_URI_CHARACTER),
				arguments(head("GET /a\u007fb HTTP/1.1", "Host: h"), RequestError.BAD_URI_CHARACTER),
				arguments(head("GET /caf\u00e9 HTTP/1.1", "Host: h"), RequestError.BAD_URI_CHARACTER),
				arguments(head("GET a/b HTTP/1.1", "Host: h"), RequestError.BAD_URI_FORM),
				arguments(head("GET ftp://h/ HTTP/1.1", "Host: h"), RequestError.BAD_URI_FORM),
				arguments(head("GET http:///x HTTP/1.1", "Host: h"), RequestError.BAD_URI_FORM),
				arguments(head("GET http://user@h/ HTTP/1.1", "Host: h"), RequestError.BAD_URI_FORM),
				arguments(head("GET * HTTP/1.1", "Host: h"), RequestError.BAD_URI_FORM),
				arguments(head("CONNECT /x HTTP/1.1", "Host: h"), RequestError.BAD_URI_FORM),
				arguments(head("CONNECT h/x HTTP/1.1", "Host: h"), RequestError.BAD_URI_FORM),
				arguments(head("GET /% HTTP/1.1", "Host: h"), RequestError.BAD_PERCENT_ENCODING),
				arguments(head("GET /%4 HTTP/1.1", "Host: h"), RequestError.BAD_PERCENT_ENCODING),
				arguments(head("GET /%zz HTTP/1.1", "Host: h"), RequestError.BAD_PERCENT_ENCODING),
				arguments(head("GET /?a=%g1 HTTP/1.1", "Host: h"), RequestError.BAD_PERCENT_ENCODING),
				arguments(head("GET /?a=% HTTP/1.1", "Host: h"), RequestError.BAD_PERCENT_ENCODING),
				arguments(head("GET /a%00b HTTP/1.1", "Host: h"), RequestError.ENCODED_NUL),
				arguments(head("GET /?a=%00 HTTP/1.1", "Host: h"), RequestError.ENCODED_NUL),
				arguments(head("GET /a\\b HTTP/1.1", "Host: h"), RequestError.BACKSLASH_IN_PATH),
				arguments(head("GET /a%5cb HTTP/1.1", "Host: h"), RequestError.BACKSLASH_IN_PATH),
				arguments(head("GET /a%5C..%5C HTTP/1.1", "Host: h"), RequestError.BACKSLASH_IN_PATH),
				arguments(head("GET /a%0d%0aSet-Cookie:x HTTP/1.1", "Host: h"), RequestError.CONTROL_IN_PATH),
				arguments(head("GET /%7F HTTP/1.1", "Host: h"), RequestError.CONTROL_IN_PATH),
				arguments(head("GET / HTTP/1.1", "Host: h", "X-A: 1", "  folded"), RequestError.OBSOLETE_LINE_FOLDING),
				arguments(head("GET / HTTP/1.1", " Host: h"), RequestError.OBSOLETE_LINE_FOLDING),
				arguments(head("GET / HTTP/1.1", "Host: h", "\tX-A: 1"), RequestError.OBSOLETE_LINE_FOLDING),
				arguments(head("GET / HTTP/1.1", "Host h"), RequestError.HEADER_WITHOUT_COLON),
				arguments(head("GET / HTTP/1.1", "Host: h", ": x"), RequestError.BAD_HEADER_NAME),
				arguments(head("GET / HTTP/1.1", "Host: h", ":authority: x"), RequestError.BAD_HEADER_NAME),
				arguments(head("GET / HTTP/1.1", "Host: h", "Bad Header: x"), RequestError.BAD_HEADER_NAME),
				arguments(head("GET / HTTP/1.1", "Host: h", "X-(a): y"), RequestError.BAD_HEADER_NAME),
				arguments(head("GET / HTTP/1.1", "Host : h"), RequestError.WHITESPACE_BEFORE_COLON),
				arguments(head("GET / HTTP/1.1", "Host\t: h"), RequestError.WHITESPACE_BEFORE_COLON),
				arguments(head("GET / HTTP/1.1", "Host: h", "X-A: a\u0000b"), RequestError.CONTROL_IN_HEADER_VALUE),
				arguments(head("GET / HTTP/1.1", "Host: h", "X-A: a\u000bb"), RequestError.CONTROL_IN_HEADER_VALUE),
				arguments(head("GET / HTTP/1.1", "Host: h", "X-A: a\u007f"), RequestError.CONTROL_IN_HEADER_VALUE),
				arguments(head("GET / HTTP/1.1"), RequestError.MISSING_HOST),
				arguments(head("GET http://h/ HTTP/1.1"), RequestError.MISSING_HOST),
				arguments(head("GET / HTTP/1.1", "Host: a", "Host: a"), RequestError.MULTIPLE_HOST),
				arguments(head("GET / HTTP/1.1", "Host: a", "host: b"), RequestError.MULTIPLE_HOST),
				arguments(head("POST / HTTP/1.1", "Host: h", "Content-Length: abc"), RequestError.BAD_CONTENT_LENGTH),
				arguments(head("POST / HTTP/1.1", "Host: h", "Content-Length: -1"), RequestError.BAD_CONTENT_LENGTH),
				arguments(head("POST / HTTP/1.1", "Host: h", "Content-Length: +5"), RequestError.BAD_CONTENT_LENGTH),
				arguments(head("POST / HTTP/1.1", "Host: h", "Content-Length: 1 2"), RequestError.BAD_CONTENT_LENGTH),
				arguments(head("POST / HTTP/1.1", "Host: h", "Content-Length: 5, 5"), RequestError.BAD_CONTENT_LENGTH),
				arguments(head("POST / HTTP/1.1", "Host: h", "Content-Length:"), RequestError.BAD_CONTENT_LENGTH),
				arguments(head("POST / HTTP/1.1", "Host: h", "Content-Length: 0x10"), RequestError.BAD_CONTENT_LENGTH),
				arguments(head("POST / HTTP/1.1", "Host: h", "Content-Length: 9223372036854775808"),
						RequestError.BAD_CONTENT_LENGTH),
				arguments(head("POST / HTTP/1.1", "Host: h", "Content-Length: 5", "Content-Length: 6"),
						RequestError.REPEATED_CONTENT_LENGTH),
				arguments(head("POST / HTTP/1.1", "Host: h", "Content-Length: 5", "Content-Length: 5"),
						RequestError.REPEATED_CONTENT_LENGTH),
				arguments(head("POST / HTTP/1.1", "Host: h", "Content-Length: 5", "Transfer-Encoding: chunked"),
						RequestError.CONTENT_LENGTH_AND_TRANSFER_ENCODING),
				arguments(head("POST / HTTP/1.1", "Host: h", "Transfer-Encoding: chunked", "Content-Length: 5"),
						RequestError.CONTENT_LENGTH_AND_TRANSFER_ENCODING),
				arguments(head("POST / HTTP/1.1", "Host: h", "Transfer-Encoding: gzip"),
						RequestError.CHUNKED_NOT_FINAL),
				arguments(head("POST / HTTP/1.1", "Host: h", "Transfer-Encoding: gzip, chunked"),
						RequestError.UNSUPPORTED_TRANSFER_ENCODING),
				arguments(head("POST / HTTP/1.1", "Host: h", "Transfer-Encoding: gzip", "Transfer-Encoding: chunked"),
						RequestError.UNSUPPORTED_TRANSFER_ENCODING),
				arguments(head("POST / HTTP/1.1", "Host: h", "Transfer-Encoding: chunked, gzip"),
						RequestError.CHUNKED_NOT_FINAL),
				arguments(head("POST / HTTP/1.1", "Host: h", "Transfer-Encoding: chunked",
						"Transfer-Encoding: chunked"),
						RequestError.CHUNKED_NOT_FINAL),
				arguments(head("POST / HTTP/1.1", "Host: h", "Transfer-Encoding: chunked;q=1"),
						RequestError.CHUNKED_NOT_FINAL),
				arguments(head("POST / HTTP/1.1", "Host: h", "Transfer-Encoding: chunkedx"),
						RequestError.CHUNKED_NOT_FINAL),
				arguments(head("POST / HTTP/1.1", "Host: h", "Transfer-Encoding:"), RequestError.CHUNKED_NOT_FINAL),
				arguments(head("GET / HTTP/1.1", "Host: a b"), RequestError.BAD_HOST),
				arguments(head("GET / HTTP/1.1", "Host: a/b"), RequestError.BAD_HOST),
				arguments(head("GET / HTTP/1.1", "Host: a@b"), RequestError.BAD_HOST),
				arguments(head("GET / HTTP/1.1", "Host: x:abc"), RequestError.BAD_HOST),
				arguments(head("GET / HTTP/1.1", "Host: [::1"), RequestError.BAD_HOST),
				arguments(head("GET / HTTP/1.1", "Host: []"), RequestError.BAD_HOST),
				arguments(head("GET / HTTP/1.1", "Host: <x>"), RequestError.BAD_HOST),
				arguments(head("GET / HTTP/1.1", "Host: a%zz"), RequestError.BAD_HOST),
				arguments(head("GET / HTTP/1.1", "Host: [::1]x"), RequestError.BAD_HOST),
				arguments(head("GET http://x:abc/x HTTP/1.1", "Host: h"), RequestError.BAD_HOST),
				arguments(head("GET http://a b/x HTTP/1.1", "Host: h"), RequestError.MALFORMED_REQUEST_LINE),
				arguments(head("POST / HTTP/1.0", "Transfer-Encoding: chunked"),
						RequestError.TRANSFER_ENCODING_IN_HTTP10));
	}

	@ParameterizedTest(name = "[{index}] {1}")
	@MethodSource("refusedHeads")
	void refusedWithItsStatusAndReasonInEveryCutting(String head, RequestError expected) {
		byte[] bytes = HeadFeeder.bytes(head);
		List<HeadFeeder.Outcome> outcomes = HeadFeeder.allCuttings(HeaderTableErrorTests::table, bytes);
		HeadFeeder.Outcome whole = outcomes.get(0);
		assertThat(whole.result()).isEqualTo(ParseResult.ERROR);
		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome).isEqualTo(whole));
		HeaderTable table = table();
		HeadFeeder.whole(table, bytes);
		assertThat(table.error()).isEqualTo(expected);
		assertThat(table.errorStatus()).isEqualTo(expected.status());
		assertThat(table.errorReason()).isEqualTo(expected.reason());
		assertThat(table.isComplete()).isFalse();
	}

	@Test
	void aTlsClientHelloIsRefusedAtItsFirstByte() {
		HeaderTable table = table();
		byte[] hello = { 0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03 };
		assertThat(table.parse(ByteBuffer.wrap(hello))).isEqualTo(ParseResult.ERROR);
		assertThat(table.error()).isEqualTo(RequestError.BAD_METHOD);
		// empty lines before the request line are still skipped
		HeaderTable lenient = table();
		HeadFeeder.whole(lenient, HeadFeeder.bytes("\r\n\r\n" + head("GET / HTTP/1.1", "Host: h")));
		assertThat(lenient.isComplete()).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "HTTP/1.2", "HTTP/1.9" })
	void aHigherMinorVersionIsReadAsHttp11(String version) {
		HeaderTable table = table();
		HeadFeeder.whole(table, HeadFeeder.bytes(head("GET / " + version, "Host: h")));
		assertThat(table.error()).isNull();
		assertThat(table.isHttp10()).isFalse();
	}

	@ParameterizedTest(name = "Host: {0}")
	@ValueSource(strings = { "", "example.com", "example.com:8080", "127.0.0.1:7681", "[::1]", "[::1]:7681",
			"a%20b", "xn--bcher-kva.example", "host:", "under_score.example" })
	void validHostValuesAreAccepted(String host) {
		HeaderTable table = table();
		HeadFeeder.whole(table, HeadFeeder.bytes(head("GET / HTTP/1.1", "Host: " + host)));
		assertThat(table.error()).isNull();
		assertThat(table.isComplete()).isTrue();
	}

	/** A request head: the lines joined with CRLF, and the empty line. */
	static String head(String... lines) {
		return String.join("\r\n", lines) + "\r\n\r\n";
	}

}

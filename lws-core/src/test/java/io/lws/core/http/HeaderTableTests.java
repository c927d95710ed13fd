package io.lws.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.lws.core.HeaderToken;
import io.lws.core.TokenLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HeaderTableTests {

	private final HeaderTable table = new HeaderTable();

	private ParseResult parse(String head) {
		return this.table.parse(ByteBuffer.wrap(head.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void simpleGet() {
		assertThat(parse("GET /index.html HTTP/1.1\r\nHost: example.com\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
		assertThat(this.table.isComplete()).isTrue();
		assertThat(this.table.method()).isEqualTo(HeaderToken.GET_URI);
		assertThat(this.table.methodName()).isEqualTo("GET");
		assertThat(this.table.isHttp10()).isFalse();
		assertThat(this.table.uriPath()).isEqualTo("/index.html");
		assertThat(this.table.value(HeaderToken.GET_URI)).isEqualTo("/index.html");
		assertThat(this.table.rawUri()).isEqualTo("/index.html");
		assertThat(this.table.absoluteFormHost()).isNull();
		assertThat(this.table.value(HeaderToken.HOST)).isEqualTo("example.com");
		assertThat(this.table.keepAlive()).isTrue();
		assertThat(this.table.contentLength()).isEqualTo(-1);
		assertThat(this.table.isChunked()).isFalse();
		assertThat(this.table.error()).isNull();
		assertThat(this.table.errorStatus()).isZero();
		assertThat(this.table.errorReason()).isNull();
	}

	@Test
	void everyServedMethodHasItsToken() {
		String[][] methods = { { "GET", "GET_URI" }, { "POST", "POST_URI" }, { "OPTIONS", "OPTIONS_URI" },
				{ "PUT", "PUT_URI" }, { "PATCH", "PATCH_URI" }, { "DELETE", "DELETE_URI" }, { "HEAD", "HEAD_URI" } };
		for (String[] method : methods) {
			this.table.reset();
			assertThat(parse(method[0] + " /x HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
			assertThat(this.table.method()).isEqualTo(HeaderToken.valueOf(method[1]));
			assertThat(this.table.methodName()).isEqualTo(method[0]);
			assertThat(this.table.value(this.table.method())).isEqualTo("/x");
		}
	}

	@Test
	void positionIsLeftAtTheBody() {
		ByteBuffer in = ByteBuffer.wrap("POST /form HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
			.getBytes(StandardCharsets.US_ASCII));
		assertThat(this.table.parse(in)).isEqualTo(ParseResult.COMPLETE);
		assertThat(this.table.contentLength()).isEqualTo(5);
		assertThat(StandardCharsets.US_ASCII.decode(in).toString()).isEqualTo("hello");
	}

	@Test
	void webSocketFramesAfterTheUpgradeStayUnconsumed() {
		byte[] head = ("GET /chat HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		ByteBuffer in = ByteBuffer.allocate(head.length + 3).put(head).put(new byte[] { (byte) 0x81, (byte) 0x81, 0 });
		in.flip();
		assertThat(this.table.parse(in)).isEqualTo(ParseResult.COMPLETE);
		assertThat(in.remaining()).isEqualTo(3);
		assertThat(in.get()).isEqualTo((byte) 0x81);
		assertThat(this.table.hasUpgradeToken("WebSocket")).isTrue();
		assertThat(this.table.hasConnectionToken("upgrade")).isTrue();
		assertThat(this.table.value(HeaderToken.KEY)).isEqualTo("dGhlIHNhbXBsZSBub25jZQ==");
		assertThat(this.table.value(HeaderToken.VERSION)).isEqualTo("13");
	}

	@Test
	void bareLfLineEndingsAreAccepted() {
		assertThat(parse("GET / HTTP/1.1\nHost: h\n\n")).isEqualTo(ParseResult.COMPLETE);
		assertThat(this.table.value(HeaderToken.HOST)).isEqualTo("h");
	}

	@Test
	void emptyLinesBeforeTheRequestLineAreSkipped() {
		assertThat(parse("\r\n\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
		assertThat(this.table.uriPath()).isEqualTo("/");
	}

	@Test
	void needMoreConsumesEverything() {
		ByteBuffer in = ByteBuffer.wrap("GET / HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
		assertThat(this.table.parse(in)).isEqualTo(ParseResult.NEED_MORE);
		assertThat(in.hasRemaining()).isFalse();
		assertThat(this.table.isComplete()).isFalse();
		assertThat(parse("st: h\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
	}

	@Test
	void afterCompleteNothingMoreIsConsumed() {
		assertThat(parse("GET / HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
		ByteBuffer more = ByteBuffer.wrap("GET /b HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(this.table.parse(more)).isEqualTo(ParseResult.COMPLETE);
		assertThat(more.position()).isZero();
	}

	@Test
	void afterErrorNothingMoreIsConsumed() {
		assertThat(parse("GET / HTTP/1.1\r\nBad Header: x\r\n")).isEqualTo(ParseResult.ERROR);
		ByteBuffer more = ByteBuffer.wrap("\r\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(this.table.parse(more)).isEqualTo(ParseResult.ERROR);
		assertThat(more.position()).isZero();
		assertThat(this.table.keepAlive()).isFalse();
		assertThat(this.table.error()).isEqualTo(RequestError.BAD_HEADER_NAME);
	}

	@Test
	void resetForgetsTheRequest() {
		parse("POST /a?x=1 HTTP/1.1\r\nHost: h\r\nCookie: c=1\r\nX-Custom: y\r\nContent-Length: 3\r\n\r\n");
		this.table.reset();
		assertThat(this.table.usedBytes()).isZero();
		assertThat(this.table.method()).isNull();
		assertThat(this.table.rawUri()).isNull();
		assertThat(this.table.uriPath()).isNull();
		assertThat(this.table.has(HeaderToken.HTTP_COOKIE)).isFalse();
		assertThat(this.table.has(HeaderToken.HTTP_URI_ARGS)).isFalse();
		assertThat(this.table.customHeaderCount()).isZero();
		assertThat(this.table.contentLength()).isEqualTo(-1);
		assertThat(parse("GET /b HTTP/1.0\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
		assertThat(this.table.uriPath()).isEqualTo("/b");
		assertThat(this.table.has(HeaderToken.HOST)).isFalse();
	}

	@Test
	void pipelinedRequestsParseOneAfterTheOther() {
		ByteBuffer in = ByteBuffer.wrap(("GET /one HTTP/1.1\r\nHost: h\r\n\r\n"
				+ "POST /two HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nbody"
				+ "GET /three HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		assertThat(this.table.parse(in)).isEqualTo(ParseResult.COMPLETE);
		assertThat(this.table.uriPath()).isEqualTo("/one");
		this.table.reset();
		assertThat(this.table.parse(in)).isEqualTo(ParseResult.COMPLETE);
		assertThat(this.table.uriPath()).isEqualTo("/two");
		byte[] body = new byte[(int) this.table.contentLength()];
		in.get(body);
		assertThat(new String(body, StandardCharsets.US_ASCII)).isEqualTo("body");
		this.table.reset();
		assertThat(this.table.parse(in)).isEqualTo(ParseResult.COMPLETE);
		assertThat(this.table.uriPath()).isEqualTo("/three");
		assertThat(this.table.keepAlive()).isFalse();
		assertThat(in.hasRemaining()).isFalse();
	}

	@Test
	void headerNamesMatchInAnyCaseAndValuesAreTrimmed() {
		parse("GET / HTTP/1.1\r\nhOsT:   h  \r\nUSER-AGENT:\tcurl/8 x\t\r\nAccept:\r\n\r\n");
		assertThat(this.table.value(HeaderToken.HOST)).isEqualTo("h");
		assertThat(this.table.value(HeaderToken.HTTP_USER_AGENT)).isEqualTo("curl/8 x");
		assertThat(this.table.has(HeaderToken.HTTP_ACCEPT)).isTrue();
		assertThat(this.table.value(HeaderToken.HTTP_ACCEPT)).isEmpty();
		assertThat(this.table.totalLength(HeaderToken.HTTP_ACCEPT)).isZero();
	}

	@Test
	void repeatedHeadersAreFragments() {
		parse("GET / HTTP/1.1\r\nHost: h\r\nAccept: text/html\r\nAccept: */*\r\nAccept: a\r\n\r\n");
		assertThat(this.table.fragmentCount(HeaderToken.HTTP_ACCEPT)).isEqualTo(3);
		assertThat(this.table.fragmentLength(HeaderToken.HTTP_ACCEPT, 0)).isEqualTo(9);
		assertThat(this.table.fragmentLength(HeaderToken.HTTP_ACCEPT, 1)).isEqualTo(3);
		assertThat(this.table.fragmentLength(HeaderToken.HTTP_ACCEPT, 2)).isEqualTo(1);
		assertThat(this.table.fragmentLength(HeaderToken.HTTP_ACCEPT, 3)).isZero();
		assertThat(this.table.fragmentLength(HeaderToken.HTTP_ACCEPT, -1)).isZero();
		// lws 4.x: every fragment plus one separator between each
		assertThat(this.table.totalLength(HeaderToken.HTTP_ACCEPT)).isEqualTo(9 + 3 + 1 + 2);
		assertThat(this.table.value(HeaderToken.HTTP_ACCEPT)).isEqualTo("text/html,*/*,a");
		assertThat(this.table.fragment(HeaderToken.HTTP_ACCEPT, 1)).isEqualTo("*/*");
		assertThat(this.table.fragment(HeaderToken.HTTP_ACCEPT, 3)).isNull();
	}

	@Test
	void copyJoinsWithCommas() {
		parse("GET / HTTP/1.1\r\nHost: h\r\nAccept: a\r\nAccept: bb\r\n\r\n");
		ByteBuffer dst = ByteBuffer.allocate(16);
		assertThat(this.table.copy(HeaderToken.HTTP_ACCEPT, dst)).isEqualTo(4);
		assertThat(text(dst)).isEqualTo("a,bb");
	}

	@Test
	void cookieFragmentsAreJoinedWithSemicolons() {
		parse("GET / HTTP/1.1\r\nHost: h\r\nCookie: a=1\r\nCookie: b=2; c=3\r\n\r\n");
		assertThat(this.table.totalLength(HeaderToken.HTTP_COOKIE)).isEqualTo(3 + 1 + 8);
		assertThat(this.table.value(HeaderToken.HTTP_COOKIE)).isEqualTo("a=1;b=2; c=3");
		ByteBuffer dst = ByteBuffer.allocate(12);
		assertThat(this.table.copy(HeaderToken.HTTP_COOKIE, dst)).isEqualTo(12);
		assertThat(text(dst)).isEqualTo("a=1;b=2; c=3");
	}

	@Test
	void copyIntoTooSmallBufferCopiesNothing() {
		parse("GET / HTTP/1.1\r\nHost: h\r\nAccept: a\r\nAccept: bb\r\n\r\n");
		ByteBuffer dst = ByteBuffer.allocate(3);
		assertThat(this.table.copy(HeaderToken.HTTP_ACCEPT, dst)).isEqualTo(-1);
		assertThat(dst.position()).isZero();
		assertThat(this.table.copyFragment(HeaderToken.HTTP_ACCEPT, 1, ByteBuffer.allocate(1))).isEqualTo(-1);
		ByteBuffer exact = ByteBuffer.allocate(2);
		assertThat(this.table.copyFragment(HeaderToken.HTTP_ACCEPT, 1, exact)).isEqualTo(2);
		assertThat(text(exact)).isEqualTo("bb");
	}

	@Test
	void copyOfAbsentTokenCopiesNothing() {
		parse("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
		ByteBuffer dst = ByteBuffer.allocate(8);
		assertThat(this.table.copy(HeaderToken.HTTP_COOKIE, dst)).isZero();
		assertThat(this.table.copyFragment(HeaderToken.HTTP_COOKIE, 0, dst)).isEqualTo(-1);
		assertThat(this.table.copyFragment(HeaderToken.HOST, 1, dst)).isEqualTo(-1);
		assertThat(dst.position()).isZero();
		assertThat(this.table.totalLength(HeaderToken.HTTP_COOKIE)).isZero();
		assertThat(this.table.fragmentCount(HeaderToken.HTTP_COOKIE)).isZero();
		assertThat(this.table.value(HeaderToken.HTTP_COOKIE)).isNull();
		assertThat(this.table.fragment(HeaderToken.HTTP_COOKIE, 0)).isNull();
		assertThat(this.table.has(HeaderToken.HTTP_COOKIE)).isFalse();
	}

	@Test
	void copyWritesAtThePositionOfTheDestination() {
		parse("GET / HTTP/1.1\r\nHost: host\r\n\r\n");
		ByteBuffer dst = ByteBuffer.allocate(6).put((byte) '>');
		assertThat(this.table.copy(HeaderToken.HOST, dst)).isEqualTo(4);
		assertThat(text(dst)).isEqualTo(">host");
	}

	@Test
	void unknownHeadersAreKeptAsCustomHeaders() {
		parse("GET / HTTP/1.1\r\nHost: h\r\nX-Trace-Id:  abc \r\nx-trace-id: def\r\nDNT: 1\r\n\r\n");
		assertThat(this.table.customHeaderCount()).isEqualTo(3);
		assertThat(this.table.customHeaderName(0)).isEqualTo("X-Trace-Id");
		assertThat(this.table.customHeaderValue(0)).isEqualTo("abc");
		assertThat(this.table.customHeaderName(1)).isEqualTo("x-trace-id");
		assertThat(this.table.customHeaderName(2)).isEqualTo("DNT");
		assertThat(this.table.customHeaderName(3)).isNull();
		assertThat(this.table.customHeaderValue(-1)).isNull();
		assertThat(this.table.customHeader("X-TRACE-ID")).isEqualTo("abc,def");
		assertThat(this.table.customHeader("dnt")).isEqualTo("1");
		assertThat(this.table.customHeader("x-trace")).isNull();
	}

	@Test
	void customHeadersUseTheSameBuffer() {
		parse("GET / HTTP/1.1\r\nHost: h\r\n");
		int before = this.table.usedBytes();
		parse("X-Ab: 123\r\n");
		// the name and the value stay, the colon and the whitespace go
		assertThat(this.table.usedBytes()).isEqualTo(before + 4 + 3);
	}

	@Test
	void knownHeadersKeepOnlyTheirValue() {
		parse("GET / HTTP/1.1\r\n");
		int before = this.table.usedBytes();
		parse("Host:   example  \r\n");
		assertThat(this.table.usedBytes()).isEqualTo(before + 7);
	}

	@Test
	void queryArgumentsAreFragments() {
		parse("GET /search?q=a+b&lang=en;x=%41%3d&&empty=&%3Dodd=1 HTTP/1.1\r\nHost: h\r\n\r\n");
		assertThat(this.table.uriPath()).isEqualTo("/search");
		assertThat(this.table.rawUri()).isEqualTo("/search?q=a+b&lang=en;x=%41%3d&&empty=&%3Dodd=1");
		assertThat(this.table.fragmentCount(HeaderToken.HTTP_URI_ARGS)).isEqualTo(5);
		assertThat(this.table.fragment(HeaderToken.HTTP_URI_ARGS, 0)).isEqualTo("q=a b");
		assertThat(this.table.fragment(HeaderToken.HTTP_URI_ARGS, 1)).isEqualTo("lang=en");
		// an encoded '=' in a value stays '=', in a name it becomes '_' (lws rule)
		assertThat(this.table.fragment(HeaderToken.HTTP_URI_ARGS, 2)).isEqualTo("x=A=");
		assertThat(this.table.fragment(HeaderToken.HTTP_URI_ARGS, 3)).isEqualTo("empty=");
		assertThat(this.table.fragment(HeaderToken.HTTP_URI_ARGS, 4)).isEqualTo("_odd=1");
	}

	@Test
	void encodedSeparatorsInTheQueryDoNotSplit() {
		parse("GET /?a=1%262%3B3%2B4 HTTP/1.1\r\nHost: h\r\n\r\n");
		assertThat(this.table.fragmentCount(HeaderToken.HTTP_URI_ARGS)).isEqualTo(1);
		assertThat(this.table.fragment(HeaderToken.HTTP_URI_ARGS, 0)).isEqualTo("a=1&2;3+4");
	}

	@Test
	void emptyQueryHasNoArguments() {
		parse("GET /p? HTTP/1.1\r\nHost: h\r\n\r\n");
		assertThat(this.table.uriPath()).isEqualTo("/p");
		assertThat(this.table.has(HeaderToken.HTTP_URI_ARGS)).isFalse();
		assertThat(this.table.rawUri()).isEqualTo("/p?");
	}

	@Test
	void pathIsDecodedAsUtf8() {
		parse("GET /caf%C3%A9/%E2%82%AC HTTP/1.1\r\nHost: h\r\n\r\n");
		assertThat(this.table.uriPath()).isEqualTo("/café/€");
		assertThat(this.table.totalLength(HeaderToken.GET_URI)).isEqualTo(10);
	}

	@Test
	void absoluteFormTargetGivesHostAndPath() {
		assertThat(parse("GET http://Example.com:8080/a/b?x=1 HTTP/1.1\r\nHost: example.com:8080\r\n\r\n"))
			.isEqualTo(ParseResult.COMPLETE);
		assertThat(this.table.absoluteFormHost()).isEqualTo("Example.com:8080");
		assertThat(this.table.uriPath()).isEqualTo("/a/b");
		assertThat(this.table.fragment(HeaderToken.HTTP_URI_ARGS, 0)).isEqualTo("x=1");
		assertThat(this.table.rawUri()).isEqualTo("http://Example.com:8080/a/b?x=1");
	}

	@Test
	void absoluteFormWithoutPathIsTheRoot() {
		assertThat(parse("GET HTTPS://h HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
		assertThat(this.table.absoluteFormHost()).isEqualTo("h");
		assertThat(this.table.uriPath()).isEqualTo("/");
		this.table.reset();
		assertThat(parse("GET http://h?q HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
		assertThat(this.table.uriPath()).isEqualTo("/");
		assertThat(this.table.value(HeaderToken.HTTP_URI_ARGS)).isEqualTo("q");
	}

	@Test
	void asteriskIsForOptionsOnly() {
		assertThat(parse("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
		assertThat(this.table.uriPath()).isEqualTo("*");
		this.table.reset();
		assertThat(parse("GET * HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(ParseResult.ERROR);
		assertThat(this.table.error()).isEqualTo(RequestError.BAD_URI_FORM);
	}

	@Test
	void connectTakesAnAuthority() {
		assertThat(parse("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"))
			.isEqualTo(ParseResult.COMPLETE);
		assertThat(this.table.method()).isEqualTo(HeaderToken.CONNECT);
		assertThat(this.table.uriPath()).isEqualTo("example.com:443");
		assertThat(this.table.rawUri()).isEqualTo("example.com:443");
		this.table.reset();
		assertThat(parse("CONNECT /x HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(ParseResult.ERROR);
		assertThat(this.table.error()).isEqualTo(RequestError.BAD_URI_FORM);
	}

	@Test
	void http10NeedsNoHostAndClosesByDefault() {
		assertThat(parse("GET / HTTP/1.0\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
		assertThat(this.table.isHttp10()).isTrue();
		assertThat(this.table.keepAlive()).isFalse();
		this.table.reset();
		parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
		assertThat(this.table.keepAlive()).isTrue();
	}

	@Test
	void connectionTokensOverrideTheDefault() {
		parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, CLOSE\r\n\r\n");
		assertThat(this.table.keepAlive()).isFalse();
		assertThat(this.table.hasConnectionToken("upgrade")).isTrue();
		assertThat(this.table.hasConnectionToken("clos")).isFalse();
		this.table.reset();
		parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: ,, keep-alive ,\r\nConnection: close\r\n\r\n");
		assertThat(this.table.keepAlive()).isFalse();
		this.table.reset();
		parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: closed\r\n\r\n");
		assertThat(this.table.keepAlive()).isTrue();
	}

	@Test
	void upgradeTokensAreMatchedWholeInAnyOccurrence() {
		parse("GET / HTTP/1.1\r\nHost: h\r\nUpgrade: h2c\r\nUpgrade: foo/2, WebSocket\r\n\r\n");
		assertThat(this.table.hasUpgradeToken("websocket")).isTrue();
		assertThat(this.table.hasUpgradeToken("H2C")).isTrue();
		assertThat(this.table.hasUpgradeToken("foo")).isFalse();
		assertThat(this.table.hasUpgradeToken("foo/2")).isTrue();
		assertThat(this.table.hasUpgradeToken("web")).isFalse();
	}

	@Test
	void aRepeatedContentLengthIsRefusedEvenWithOneValue() {
		// RFC 9110 section 8.6 allows collapsing equal values, or refusing; refused, an application reading the
		// header never sees "7,7"
		assertThat(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 007\r\ncontent-length: 7\r\n\r\n"))
			.isEqualTo(ParseResult.ERROR);
		assertThat(this.table.error()).isEqualTo(RequestError.REPEATED_CONTENT_LENGTH);
		this.table.reset();
		assertThat(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 007\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
		assertThat(this.table.contentLength()).isEqualTo(7);
		this.table.reset();
		parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 9223372036854775807\r\n\r\n");
		assertThat(this.table.contentLength()).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void chunkedTransferEncoding() {
		assertThat(parse("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding:  Chunked \r\n\r\n"))
			.isEqualTo(ParseResult.COMPLETE);
		assertThat(this.table.isChunked()).isTrue();
		assertThat(this.table.contentLength()).isEqualTo(-1);
	}

	@Test
	void rawTargetIsKeptForLoggingWhenRefused() {
		assertThat(parse("GET /a/%zz HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(ParseResult.ERROR);
		assertThat(this.table.rawUri()).isEqualTo("/a/%zz");
		assertThat(this.table.uriPath()).isNull();
		this.table.reset();
		assertThat(parse("FOO /a HTTP/1.1\r\n")).isEqualTo(ParseResult.ERROR);
		assertThat(this.table.rawUri()).isNull();
		assertThat(this.table.methodName()).isNull();
	}

	@Test
	void sizesAreReported() {
		HeaderTable small = new HeaderTable(100, 10, TokenLimits.none());
		assertThat(small.dataSize()).isEqualTo(100);
		assertThat(small.maxFragments()).isEqualTo(10);
		assertThat(new HeaderTable().dataSize()).isEqualTo(HeaderTable.DEFAULT_DATA_SIZE);
		assertThat(new HeaderTable(512).maxFragments()).isEqualTo(HeaderTable.DEFAULT_MAX_FRAGMENTS);
	}

	@Test
	void toStringShowsTheState() {
		parse("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
		assertThat(this.table).hasToString("HeaderTable{state=COMPLETE, method=GET_URI, used=3/4096, fragments=2/128}");
		this.table.reset();
		parse("GET / HTTP/3\r\n");
		assertThat(this.table)
			.hasToString("HeaderTable{state=ERROR, method=null, used=0/4096, fragments=0/128, "
					+ "error=MALFORMED_REQUEST_LINE}");
	}

	@Test
	void constructorRefusesNonsense() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HeaderTable(0, 1, TokenLimits.none()))
			.withMessage("The header data size must be positive, got 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new HeaderTable(10, 0, TokenLimits.none()))
			.withMessage("The fragment count must be positive, got 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new HeaderTable(10, 1, null))
			.withMessage("The token limits must not be null");
	}

	private static String text(ByteBuffer written) {
		written.flip();
		return StandardCharsets.UTF_8.decode(written).toString();
	}

}

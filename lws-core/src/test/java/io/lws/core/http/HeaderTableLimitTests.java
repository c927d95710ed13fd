package io.lws.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.lws.core.HeaderToken;
import io.lws.core.TokenLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header buffer, the fragment table and the token limits: exactly full is accepted, one more is refused.
 */
class HeaderTableLimitTests {

	private static ParseResult parse(HeaderTable table, String head) {
		return table.parse(ByteBuffer.wrap(head.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void requestLineFillingTheBufferExactly() {
		// 26 bytes of line; what stays is the raw target (13) and its decoded path (13): 26 again
		String line = "GET /aaaaaaaaaaaa HTTP/1.0";
		assertThat(line).hasSize(26);
		HeaderTable exact = new HeaderTable(26);
		assertThat(parse(exact, line + "\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
		assertThat(exact.usedBytes()).isEqualTo(26);
		assertThat(exact.uriPath()).isEqualTo("/aaaaaaaaaaaa");
		HeaderTable oneShort = new HeaderTable(25);
		assertThat(parse(oneShort, line + "\r\n\r\n")).isEqualTo(ParseResult.ERROR);
		assertThat(oneShort.errorStatus()).isEqualTo(414);
		assertThat(oneShort.error()).isEqualTo(RequestError.REQUEST_LINE_TOO_LONG);
	}

	@Test
	void decodedPathMustFitNextToTheRawTarget() {
		// the line (22 bytes) fits in 24, but the target (17) and its path (17) do not
		HeaderTable table = new HeaderTable(24);
		assertThat(parse(table, "GET /aaaaaaaaaaaaaaaa HTTP/1.0\r\n\r\n")).isEqualTo(ParseResult.ERROR);
		assertThat(table.error()).isEqualTo(RequestError.REQUEST_LINE_TOO_LONG);
	}

	@Test
	void headerLineFillingTheRestExactly() {
		// after "GET / HTTP/1.1" (raw "/" + path "/") and "Host: h" (value "h") 3 bytes are used
		int size = 64;
		String pad = "X-Pad: " + "p".repeat(size - 3 - 7);
		HeaderTable exact = new HeaderTable(size);
		assertThat(parse(exact, "GET / HTTP/1.1\r\nHost: h\r\n" + pad + "\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
		assertThat(exact.customHeader("x-pad")).hasSize(size - 10);
		assertThat(exact.usedBytes()).isEqualTo(3 + 5 + size - 10);
		HeaderTable overByOne = new HeaderTable(size);
		assertThat(parse(overByOne, "GET / HTTP/1.1\r\nHost: h\r\n" + pad + "p\r\n\r\n")).isEqualTo(ParseResult.ERROR);
		assertThat(overByOne.errorStatus()).isEqualTo(431);
		assertThat(overByOne.error()).isEqualTo(RequestError.HEADERS_TOO_LARGE);
	}

	@Test
	void compactedValuesLeaveRoomForMoreLines() {
		// each line is 20 bytes as received but leaves 13; ten of them would not fit uncompacted in 160
		HeaderTable table = new HeaderTable(160);
		StringBuilder head = new StringBuilder("GET / HTTP/1.1\r\nHost: h\r\n");
		for (int i = 0; i < 10; i++) {
			head.append("X-Header-").append(i).append(":   abc\r\n");
		}
		assertThat(parse(table, head + "\r\n")).isEqualTo(ParseResult.COMPLETE);
		assertThat(table.usedBytes()).isEqualTo(3 + 10 * 13);
	}

	@Test
	void headerTokenLimitIsInclusive() {
		TokenLimits limits = TokenLimits.builder().limit(HeaderToken.HOST, 5).build();
		HeaderTable exact = new HeaderTable(256, 8, limits);
		assertThat(parse(exact, "GET / HTTP/1.1\r\nHost: abcde\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
		HeaderTable over = new HeaderTable(256, 8, limits);
		assertThat(parse(over, "GET / HTTP/1.1\r\nHost: abcdef\r\n\r\n")).isEqualTo(ParseResult.ERROR);
		assertThat(over.errorStatus()).isEqualTo(431);
		assertThat(over.errorReason()).isEqualTo("A header value is longer than its token limit.");
	}

	@Test
	void tokenLimitBoundsTheJoinedValue() {
		TokenLimits limits = TokenLimits.builder().limit(HeaderToken.HTTP_ACCEPT, 7).build();
		HeaderTable exact = new HeaderTable(256, 8, limits);
		assertThat(parse(exact, "GET / HTTP/1.1\r\nHost: h\r\nAccept: abc\r\nAccept: def\r\n\r\n"))
			.isEqualTo(ParseResult.COMPLETE);
		assertThat(exact.totalLength(HeaderToken.HTTP_ACCEPT)).isEqualTo(7);
		HeaderTable over = new HeaderTable(256, 8, limits);
		assertThat(parse(over, "GET / HTTP/1.1\r\nHost: h\r\nAccept: abcd\r\nAccept: def\r\n\r\n"))
			.isEqualTo(ParseResult.ERROR);
		assertThat(over.error()).isEqualTo(RequestError.HEADER_OVER_TOKEN_LIMIT);
	}

	@Test
	void uriTokenLimitBoundsTheRawTargetOfItsMethodOnly() {
		TokenLimits limits = TokenLimits.builder().limit(HeaderToken.GET_URI, 6).build();
		HeaderTable exact = new HeaderTable(256, 8, limits);
		assertThat(parse(exact, "GET /a?b=1 HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
		HeaderTable over = new HeaderTable(256, 8, limits);
		assertThat(parse(over, "GET /a?b=12 HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(ParseResult.ERROR);
		assertThat(over.errorStatus()).isEqualTo(414);
		assertThat(over.errorReason()).isEqualTo("The request URI is longer than its token limit.");
		HeaderTable post = new HeaderTable(256, 8, limits);
		assertThat(parse(post, "POST /a?b=12 HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n"))
			.isEqualTo(ParseResult.COMPLETE);
	}

	@Test
	void uriArgsTokenLimitBoundsTheDecodedArguments() {
		TokenLimits limits = TokenLimits.builder().limit(HeaderToken.HTTP_URI_ARGS, 7).build();
		HeaderTable exact = new HeaderTable(256, 8, limits);
		assertThat(parse(exact, "GET /?a=%41&b=2 HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
		assertThat(exact.value(HeaderToken.HTTP_URI_ARGS)).isEqualTo("a=A,b=2");
		HeaderTable over = new HeaderTable(256, 8, limits);
		assertThat(parse(over, "GET /?a=1&b=22 HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(ParseResult.ERROR);
		assertThat(over.error()).isEqualTo(RequestError.URI_OVER_TOKEN_LIMIT);
	}

	@Test
	void customHeadersHaveNoTokenLimit() {
		TokenLimits limits = TokenLimits.builder().limit(HeaderToken.HOST, 1).build();
		HeaderTable table = new HeaderTable(256, 8, limits);
		assertThat(parse(table, "GET / HTTP/1.1\r\nHost: h\r\nX-Host: longer\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
	}

	@Test
	void fragmentTableFullExactly() {
		// path, Host and two more: four fragments
		HeaderTable exact = new HeaderTable(256, 4, TokenLimits.none());
		assertThat(parse(exact, "GET / HTTP/1.1\r\nHost: h\r\nAccept: a\r\nX-A: 1\r\n\r\n"))
			.isEqualTo(ParseResult.COMPLETE);
		HeaderTable overByOne = new HeaderTable(256, 4, TokenLimits.none());
		assertThat(parse(overByOne, "GET / HTTP/1.1\r\nHost: h\r\nAccept: a\r\nX-A: 1\r\nAccept: b\r\n\r\n"))
			.isEqualTo(ParseResult.ERROR);
		assertThat(overByOne.errorStatus()).isEqualTo(431);
		assertThat(overByOne.errorReason()).isEqualTo("The head has too many header fragments.");
	}

	@Test
	void queryArgumentsUseFragmentsToo() {
		HeaderTable exact = new HeaderTable(256, 4, TokenLimits.none());
		assertThat(parse(exact, "GET /?a&b HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
		HeaderTable overByOne = new HeaderTable(256, 4, TokenLimits.none());
		assertThat(parse(overByOne, "GET /?a&b&c HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(ParseResult.ERROR);
		assertThat(overByOne.error()).isEqualTo(RequestError.TOO_MANY_FRAGMENTS);
	}

	@Test
	void emptyLinesBeforeTheRequestTakeNoRoom() {
		HeaderTable table = new HeaderTable(16);
		assertThat(parse(table, "\r\n".repeat(100) + "GET / HTTP/1.0\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
	}

	@Test
	void reusedTableHasItsWholeBufferAgain() {
		HeaderTable table = new HeaderTable(26);
		for (int i = 0; i < 3; i++) {
			assertThat(parse(table, "GET /aaaaaaaaaaaa HTTP/1.0\r\n\r\n")).isEqualTo(ParseResult.COMPLETE);
			table.reset();
		}
	}

}

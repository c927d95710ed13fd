package io.lws.core.http;

import static io.lws.core.http.HeadFeeder.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.lws.core.HeaderToken;

/** {@link HeaderTable} reading response heads, as a client connection uses it after {@code resetForResponse()}. */
class HeaderTableResponseTests {

	private static HeaderTable responseTable() {
		HeaderTable t = new HeaderTable(1024);
		t.resetForResponse();
		return t;
	}

	private static HeaderTable parsed(String head) {
		HeaderTable t = responseTable();
		ParseResult r = t.parse(ByteBuffer.wrap(bytes(head)));
		assertThat(r).as(head).isEqualTo(ParseResult.COMPLETE);
		return t;
	}

	private static RequestError refused(String head) {
		HeaderTable t = responseTable();
		assertThat(t.parse(ByteBuffer.wrap(bytes(head)))).as(head).isEqualTo(ParseResult.ERROR);
		return t.error();
	}

	@Test
	void statusLineGivesTheCodeAsTheHttpToken() {
		HeaderTable t = parsed("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Thing: a\r\n\r\n");
		assertThat(t.responseStatus()).isEqualTo(200);
		assertThat(t.value(HeaderToken.HTTP)).isEqualTo("200");
		assertThat(t.value(HeaderToken.HTTP_CONTENT_TYPE)).isEqualTo("text/html");
		assertThat(t.customHeader("x-thing")).isEqualTo("a");
		assertThat(t.isHttp10()).isFalse();
		assertThat(t.keepAlive()).isTrue();
		assertThat(t.method()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "HTTP/1.1 204\r\n\r\n", "HTTP/1.1 204 \r\n\r\n", "HTTP/1.1 204 No Content\r\n\r\n",
			"HTTP/1.1 204 Reason with\ttab and  spaces\r\n\r\n", "HTTP/1.1 204 Non-ASCII \u00e9\r\n\r\n",
			"HTTP/1.1 204 OK\n\n" })
	void statusLineVariantsAreAccepted(String head) {
		assertThat(parsed(head).responseStatus()).isEqualTo(204);
	}

	@ParameterizedTest
	@ValueSource(strings = { "HTTP/2 200 OK\r\n\r\n", "HTTP/1.2 200 OK\r\n\r\n", "http/1.1 200 OK\r\n\r\n",
			"HTTP/1.1 20 OK\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1 099 Low\r\n\r\n", "HTTP/1.1 2x0 OK\r\n\r\n",
			"HTTP/1.1  200 OK\r\n\r\n", "HTTP/1.1 200 O\u0001K\r\n\r\n", "HTTP/1.1\r\n\r\n", "ICY 200 OK\r\n\r\n",
			"SSH-2.0-OpenSSH_9.2\r\n\r\n", "HTTP/1.1 200 OK\u007f\r\n\r\n" })
	void malformedStatusLinesAreRefused(String head) {
		assertThat(refused(head)).isEqualTo(RequestError.MALFORMED_STATUS_LINE);
	}

	@Test
	void http10ClosesUnlessItAsksToKeep() {
		HeaderTable t = parsed("HTTP/1.0 200 OK\r\n\r\n");
		assertThat(t.isHttp10()).isTrue();
		assertThat(t.keepAlive()).isFalse();
		assertThat(parsed("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n\r\n").keepAlive()).isTrue();
		assertThat(parsed("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n").keepAlive()).isFalse();
		assertThat(parsed("HTTP/1.1 200 OK\r\nConnection: foo, Close\r\n\r\n").keepAlive()).isFalse();
	}

	@Test
	void framingIsReadAndNeedsNoHost() {
		HeaderTable chunked = parsed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
		assertThat(chunked.isChunked()).isTrue();
		assertThat(chunked.contentLength()).isEqualTo(-1);
		HeaderTable length = parsed("HTTP/1.1 200 OK\r\nContent-Length: 42\r\nContent-Length: 42\r\n\r\n");
		assertThat(length.contentLength()).isEqualTo(42);
		assertThat(parsed("HTTP/1.1 200 OK\r\n\r\n").contentLength()).isEqualTo(-1);
	}

	@Test
	void ambiguousFramingIsRefused() {
		assertThat(refused("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"))
			.isEqualTo(RequestError.CONTENT_LENGTH_AND_TRANSFER_ENCODING);
		assertThat(refused("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n"))
			.isEqualTo(RequestError.CONFLICTING_CONTENT_LENGTH);
		assertThat(refused("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")).isEqualTo(RequestError.BAD_CONTENT_LENGTH);
		assertThat(refused("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n"))
			.isEqualTo(RequestError.CHUNKED_NOT_FINAL);
		assertThat(refused("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"))
			.isEqualTo(RequestError.UNSUPPORTED_TRANSFER_ENCODING);
		assertThat(refused("HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"))
			.isEqualTo(RequestError.TRANSFER_ENCODING_IN_HTTP10);
	}

	@Test
	void malformedHeaderLinesAreRefused() {
		assertThat(refused("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n")).isNotNull();
		assertThat(refused("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n")).isNotNull();
	}

	@Test
	void aHeadLargerThanTheTableIsRefused() {
		assertThat(refused("HTTP/1.1 200 OK\r\nX-Big: " + "b".repeat(2000) + "\r\n\r\n"))
			.isEqualTo(RequestError.HEADERS_TOO_LARGE);
	}

	@Test
	void theBodyAfterTheHeadIsLeftUnread() {
		HeaderTable t = responseTable();
		ByteBuffer in = ByteBuffer.wrap(bytes("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nbody"));
		assertThat(t.parse(in)).isEqualTo(ParseResult.COMPLETE);
		assertThat(in.remaining()).isEqualTo(4);
	}

	@Test
	void everyCuttingGivesTheSameOutcome() {
		byte[] head = bytes("HTTP/1.1 301 Moved\r\nLocation: /there\r\nContent-Length: 0\r\nSet-Cookie: a=b\r\n\r\n");
		List<HeadFeeder.Outcome> outcomes = HeadFeeder.allCuttings(HeaderTableResponseTests::responseTable, head);
		assertThat(outcomes).allSatisfy((o) -> assertThat(o).isEqualTo(outcomes.get(0)));
		assertThat(outcomes.get(0).result()).isEqualTo(ParseResult.COMPLETE);
		assertThat(outcomes.get(0).table()).contains("HTTP_LOCATION total=6 [/there]");
	}

	@Test
	void resetForResponseForgetsTheLastResponse() {
		HeaderTable t = parsed("HTTP/1.0 404 Not Found\r\nX-A: 1\r\n\r\n");
		t.resetForResponse();
		assertThat(t.responseStatus()).isZero();
		assertThat(t.parse(ByteBuffer.wrap(bytes("HTTP/1.1 200 OK\r\n\r\n")))).isEqualTo(ParseResult.COMPLETE);
		assertThat(t.responseStatus()).isEqualTo(200);
		assertThat(t.isHttp10()).isFalse();
		assertThat(t.customHeader("x-a")).isNull();
	}

}

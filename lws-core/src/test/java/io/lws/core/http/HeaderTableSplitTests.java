package io.lws.core.http;

import java.util.List;

import io.lws.core.HeaderToken;
import io.lws.core.TokenLimits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Valid request heads give the same table however the bytes are cut: whole, byte by byte, split at every point
 * and in random chunks.
 */
class HeaderTableSplitTests {

	@ParameterizedTest
	@ValueSource(strings = {
			"GET / HTTP/1.1\r\nHost: h\r\n\r\n",
			"GET / HTTP/1.1\nHost: h\n\n",
			"\r\n\nGET /a/b/../c?x=1&y=%20 HTTP/1.1\r\nHost: h\r\nCookie: a=1\r\nCookie: b=2\r\n\r\n",
			"POST /form HTTP/1.1\r\nHost: h\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello",
			"POST /up HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
			"GET /chat HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
					+ "Sec-WebSocket-Protocol: chat, superchat\r\nX-Custom:  v  \r\n\r\n\u0081\u0080",
			"GET http://example.com:81/%7Euser/./x//y HTTP/1.1\r\nHost: example.com:81\r\n\r\n",
			"OPTIONS * HTTP/1.0\r\n\r\n",
			"GET / HTTP/1.1\r\nHost: h\r\n\r\nGET /next HTTP/1.1\r\nHost: h\r\n\r\n" })
	void everyCuttingGivesTheSameTable(String head) {
		byte[] bytes = HeadFeeder.bytes(head);
		List<HeadFeeder.Outcome> outcomes = HeadFeeder.allCuttings(HeaderTable::new, bytes);
		HeadFeeder.Outcome whole = outcomes.get(0);
		assertThat(whole.result()).isEqualTo(ParseResult.COMPLETE);
		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome).isEqualTo(whole));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 5, 17, 30, 31, 32, 45, 46 })
	void limitsAreHitAtTheSameByteInEveryCutting(int pad) {
		String head = "GET /?a=1 HTTP/1.1\r\nHost: h\r\nX-Pad: " + "p".repeat(pad) + "\r\nUser-Agent: ua\r\n\r\n";
		TokenLimits limits = TokenLimits.builder().limit(HeaderToken.HTTP_USER_AGENT, 2).build();
		byte[] bytes = HeadFeeder.bytes(head);
		List<HeadFeeder.Outcome> outcomes = HeadFeeder.allCuttings(() -> new HeaderTable(48, 5, limits), bytes);
		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome).isEqualTo(outcomes.get(0)));
	}

}

package io.lws.core.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pieces of the opening handshake that need no socket: header token lists and the accept value. */
class WsHandshakeTests {

	@Test
	void acceptValueIsTheRfcExampleEveryTime() {
		// RFC 6455 section 1.3; twice, since the thread's digest is reused
		assertThat(WsHandshake.acceptFor("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
		assertThat(WsHandshake.acceptFor("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
	}

	@Test
	void tokenListsAreMatchedWholeWithoutRegardToCaseOrWhiteSpace() {
		assertThat(WsHandshake.containsToken("Upgrade", "upgrade")).isTrue();
		assertThat(WsHandshake.containsToken("keep-alive, Upgrade", "upgrade")).isTrue();
		assertThat(WsHandshake.containsToken("keep-alive,\tUPGRADE\t", "upgrade")).isTrue();
		assertThat(WsHandshake.containsToken(" , upgrade ,", "upgrade")).isTrue();
		assertThat(WsHandshake.containsToken("websocket", "websocket")).isTrue();
		assertThat(WsHandshake.containsToken("websockets", "websocket")).isFalse();
		assertThat(WsHandshake.containsToken("web socket", "websocket")).isFalse();
		assertThat(WsHandshake.containsToken("keep-alive", "upgrade")).isFalse();
		assertThat(WsHandshake.containsToken("", "upgrade")).isFalse();
		assertThat(WsHandshake.containsToken(",,,", "upgrade")).isFalse();
		assertThat(WsHandshake.containsToken(null, "upgrade")).isFalse();
	}

	@Test
	void onlyAPaddedBase64KeyOfSixteenBytesIsAccepted() {
		assertThat(WsHandshake.isValidKey("dGhlIHNhbXBsZSBub25jZQ==")).isTrue();
		assertThat(WsHandshake.isValidKey(" AAAAAAAAAAAAAAAAAAAAAA== ")).isTrue();
		assertThat(WsHandshake.isValidKey("/////////////////////w==")).isTrue();
		// RFC 4648 section 3.2: the padding is required
		assertThat(WsHandshake.isValidKey("dGhlIHNhbXBsZSBub25jZQ")).isFalse();
		// section 3.5: the pad bits of the last character are zero, so only A, Q, g and w may end the nonce
		assertThat(WsHandshake.isValidKey("dGhlIHNhbXBsZSBub25jZR==")).isFalse();
		assertThat(WsHandshake.isValidKey("dGhlIHNhbXBsZSBub25jZx==")).isFalse();
		assertThat(WsHandshake.isValidKey("dGhlIHNhbXBsZSBub25jZQ=")).isFalse();
		assertThat(WsHandshake.isValidKey("dGhlIHNhbXBsZSBub25jZQ===")).isFalse();
		assertThat(WsHandshake.isValidKey("dGhlIHNhbXBsZSBub25j*Q==")).isFalse();
		assertThat(WsHandshake.isValidKey("c2hvcnQ=")).isFalse();
		assertThat(WsHandshake.isValidKey("")).isFalse();
		assertThat(WsHandshake.isValidKey(null)).isFalse();
	}

	@Test
	void aSubprotocolHeaderWithoutANameOffersNothing() {
		assertThat(WsHandshake.offeredProtocols(null)).isEmpty();
		assertThat(WsHandshake.offeredProtocols("")).isEmpty();
		assertThat(WsHandshake.offeredProtocols("  ")).isEmpty();
		assertThat(WsHandshake.offeredProtocols(" , ,")).isEmpty();
		assertThat(WsHandshake.offeredProtocols("chat, ,echo ")).containsExactly("chat", "echo");
	}

	@Test
	void theStrictHostCheckWantsTheVhostsNameAndListenPort() {
		assertThat(WsHandshake.hostNamesVhost("example.com:7681", "example.com", 7681, false)).isTrue();
		assertThat(WsHandshake.hostNamesVhost("EXAMPLE.com:7681", "example.com", 7681, false)).isTrue();
		assertThat(WsHandshake.hostNamesVhost("example.com", "example.com", 80, false)).isTrue();
		assertThat(WsHandshake.hostNamesVhost("example.com", "example.com", 443, true)).isTrue();
		assertThat(WsHandshake.hostNamesVhost("example.com", "example.com", 7681, false)).isFalse();
		assertThat(WsHandshake.hostNamesVhost("example.com:7682", "example.com", 7681, false)).isFalse();
		assertThat(WsHandshake.hostNamesVhost("example.co:7681", "example.com", 7681, false)).isFalse();
		assertThat(WsHandshake.hostNamesVhost("example.com.evil:7681", "example.com", 7681, false)).isFalse();
		assertThat(WsHandshake.hostNamesVhost("example.com:", "example.com", 80, false)).isFalse();
		assertThat(WsHandshake.hostNamesVhost("example.com:x80", "example.com", 80, false)).isFalse();
		assertThat(WsHandshake.hostNamesVhost("[::1]:7681", "[::1]", 7681, false)).isTrue();
		assertThat(WsHandshake.hostNamesVhost("[::1]", "[::1]", 80, false)).isTrue();
		assertThat(WsHandshake.hostNamesVhost(null, "example.com", 80, false)).isFalse();
	}

}

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

}

package io.lws.core.service;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.LwsProtocol;
import io.lws.core.ServerOption;
import io.lws.core.protocols.EchoHandler;
import io.lws.core.support.EchoProtocol;
import io.lws.core.support.TestServer;
import io.lws.core.support.WsTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A protocol built with {@code validateUtf8(false)} gets its text as sent, on a vhost whose other protocols still fail
 * text that is not UTF-8 with 1007 (RFC 6455 8.1).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProtocolUtf8ValidationTest {

	/** Not UTF-8: an overlong NUL, a lone surrogate and a stray continuation byte. */
	private static final byte[] NOT_UTF8 = { 'a', (byte) 0xC0, (byte) 0x80, (byte) 0xED, (byte) 0xA0, (byte) 0x80,
			(byte) 0x80, 'z' };

	static TestServer server;

	@BeforeAll
	static void start() {
		server = TestServer.start((v) -> v.protocols(EchoProtocol.create(4096),
				LwsProtocol.builder("raw-echo", new EchoHandler()).validateUtf8(false).build()));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void theProtocolThatOptedOutEchoesTextThatIsNotUtf8ByteForByte() throws IOException {
		try (WsTestClient c = WsTestClient.connect(server.client(), "/", "raw-echo")) {
			WsTestClient.Frame echoed = c.sendFrame(true, 1, NOT_UTF8).readMessage();
			assertThat(echoed.opcode()).isEqualTo(1);
			assertThat(echoed.payload()).isEqualTo(NOT_UTF8);
			c.sendFrame(false, 1, new byte[] { 'x', (byte) 0xE2 }).sendFrame(true, 0, new byte[] { (byte) 0x28 });
			assertThat(c.readMessage().payload()).containsExactly('x', (byte) 0xE2, (byte) 0x28);
		}
	}

	@Test
	void itsCloseReasonIsNotCheckedEither() throws IOException {
		try (WsTestClient c = WsTestClient.connect(server.client(), "/", "raw-echo")) {
			c.sendFrame(true, 8, new byte[] { 0x03, (byte) 0xE8, (byte) 0xFF });
			assertThat(c.readCloseCode()).isEqualTo(1000);
		}
	}

	@Test
	void theVhostsOtherProtocolsStillFailItWith1007() throws IOException {
		try (WsTestClient c = WsTestClient.connect(server.client(), "/", "echo")) {
			c.sendFrame(true, 1, NOT_UTF8);
			assertThat(c.readCloseCode()).isEqualTo(1007);
		}
		try (WsTestClient c = WsTestClient.connect(server.client(), "/", "echo")) {
			assertThat(c.sendText("still served").readMessage().text()).isEqualTo("still served");
			c.sendFrame(true, 8, new byte[] { 0x03, (byte) 0xE8, (byte) 0xFF });
			assertThat(c.readCloseCode()).isEqualTo(1007);
		}
	}

	@Test
	void aVhostWithDisableUtf8ValidationChecksNoProtocolsText() throws IOException {
		try (TestServer lenient = TestServer.start((v) -> v.protocols(EchoProtocol.create(4096))
			.options(ServerOption.DISABLE_UTF8_VALIDATION));
				WsTestClient c = WsTestClient.connect(lenient.client(), "/", "echo")) {
			assertThat(c.sendFrame(true, 1, NOT_UTF8).readMessage().payload()).isEqualTo(NOT_UTF8);
		}
	}

	@Test
	void aProtocolValidatesByDefault() {
		assertThat(EchoProtocol.create(4096).validatesUtf8()).isTrue();
		assertThat(LwsProtocol.builder("raw", new EchoHandler()).validateUtf8(false).build()).hasToString(
				"LwsProtocol[raw, rxBufferSize=4096, id=0, validateUtf8=false]");
	}

}

package io.lws.sample.protocols;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.support.Peers;
import io.lws.core.support.WsTestClient;
import io.lws.sample.LwsTestClientRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * libwebsockets' own test client (Debian's libwebsockets-test-server package) against the sample's protocols: both of
 * its connections establish, it receives increments, its mirror circles come back, and the server logs no error.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LibwebsocketsTestClientInteropTest {

	@Test
	void theCTestClientWorksAgainstTheSampleProtocols() throws Exception {
		run(false);
	}

	/** {@code --ssl -k}: wss with the self-signed certificate accepted, as with libwebsockets-test-server --ssl. */
	@Test
	void theCTestClientWorksOverTls() throws Exception {
		run(true);
	}

	/**
	 * {@code --echo} sends the mirror 1024 text messages of 12,288 bytes that are not UTF-8 and compares every byte
	 * that comes back. The sample's mirror relays text unchecked, so it passes, where libwebsockets-test-server closes
	 * with 1007; the echo protocol on the same vhost still refuses such text (the Autobahn cases need it to).
	 */
	@Test
	void theCTestClientsEchoTestGetsEveryByteBack() throws Exception {
		try (SampleServer s = new SampleServer(1, null)) {
			assertThat(LwsTestClientRun.echoTest(s.port())).contains("send completed: 1024 x 12288")
				.contains("Everything received: errs 0");
			assertThat(s.problems).isEmpty();
			try (WsTestClient echo = WsTestClient.connect(s.port(), "/", EchoProtocol.NAME)) {
				echo.sendFrame(true, 1, new byte[] { 'a', (byte) 0xC3, (byte) 0x28 });
				assertThat(echo.readCloseCode()).isEqualTo(1007);
			}
		}
	}

	private void run(boolean tls) throws Exception {
		Peers.requireExecutable(LwsTestClientRun.CLIENT);
		try (SampleServer s = new SampleServer(1, tls ? io.lws.core.support.Tls.localhost() : null)) {
			LwsTestClientRun.runAndCheck(s.port(), tls);
			assertThat(s.mirror.messagesRelayed()).isGreaterThan(100);
			assertThat(s.problems).isEmpty();
		}
	}

}

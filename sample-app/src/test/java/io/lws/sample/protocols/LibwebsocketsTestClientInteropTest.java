package io.lws.sample.protocols;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.ServerOption;
import io.lws.core.support.Peers;
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
	 * {@code --echo} sends the mirror text messages that are not UTF-8 and compares what comes back. Like
	 * libwebsockets-test-server, which validates UTF-8, the sample fails the test by default, closing with 1007 as RFC
	 * 6455 8.1 asks; with {@code DISABLE_UTF8_VALIDATION} on the vhost every byte comes back, in order.
	 */
	@Test
	void theCTestClientsEchoTestNeedsUtf8ValidationTurnedOff() throws Exception {
		try (SampleServer s = new SampleServer(1, null)) {
			assertThat(LwsTestClientRun.echoTest(s.port())).contains("mirror: LWS_CALLBACK_CLIENT_ESTABLISHED")
				.contains("mirror: LWS_CALLBACK_CLOSED")
				.doesNotContain("Everything received");
		}
		try (SampleServer s = new SampleServer(1, null, ServerOption.DISABLE_UTF8_VALIDATION)) {
			assertThat(LwsTestClientRun.echoTest(s.port())).contains("send completed: 1024 x 12288")
				.contains("Everything received: errs 0");
			assertThat(s.problems).isEmpty();
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

package io.lws.sample.protocols;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

	private void run(boolean tls) throws Exception {
		Peers.requireExecutable(LwsTestClientRun.CLIENT);
		try (SampleServer s = new SampleServer(1, tls ? io.lws.core.support.Tls.localhost() : null)) {
			LwsTestClientRun.runAndCheck(s.port(), tls);
			assertThat(s.mirror.messagesRelayed()).isGreaterThan(100);
			assertThat(s.problems).isEmpty();
		}
	}

}

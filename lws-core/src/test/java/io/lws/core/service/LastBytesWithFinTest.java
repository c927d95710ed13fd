package io.lws.core.service;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.VhostCreationInfo;
import io.lws.core.support.RawClient;
import io.lws.core.support.TestServer;
import io.lws.core.support.WsTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection's last bytes and its FIN (over TLS, its close_notify and FIN) reach the peer in one segment: once the
 * peer has read those bytes, the end of the stream is already there, however long the server's own closing takes. (A
 * response that ends its connection takes the same path; there the FIN follows the last write at once either way, so
 * only a count of segments, in docs/performance.md, shows the difference.)
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LastBytesWithFinTest {

	/** Longer than a loopback round trip, shorter than the 200 ms for which Linux holds a corked segment at most. */
	private static final int SLOW_CLOSED_CALLBACK_MS = 50;

	@Test
	void theServersCloseFrameArrivesWithTheEndOfTheStream() throws Exception {
		closeFrameArrivesWithTheEndOfTheStream(TestServer::start);
	}

	@Test
	void overTlsTheCloseFrameArrivesWithCloseNotifyAndTheEndOfTheStream() throws Exception {
		closeFrameArrivesWithTheEndOfTheStream(TestServer::startTls);
	}

	private static void closeFrameArrivesWithTheEndOfTheStream(
			Function<Consumer<VhostCreationInfo.Builder>, TestServer> server) throws Exception {
		LwsProtocol<Object> p = LwsProtocol.of("chat", new LwsProtocolHandler<>() {
			@Override
			public int onClosed(Lws wsi, Object session) {
				// runs after the Close frame is written and before the socket is closed
				sleep(SLOW_CLOSED_CALLBACK_MS);
				return 0;
			}
		});
		try (TestServer s = server.apply((v) -> v.protocols(p))) {
			try (WsTestClient c = WsTestClient.connect(s.client(), "/", "chat")) {
				c.sendClose(1000, "bye");
				WsTestClient.Frame close = c.readFrame();
				assertThat(close.closeCode()).isEqualTo(1000);
				assertThat(endOfStreamAlreadyThere(c.raw())).as("FIN in the Close frame's segment").isTrue();
			}
		}
	}

	/** Whether the stream ends right after what was read, without waiting for anything more to arrive. */
	private static boolean endOfStreamAlreadyThere(RawClient c) throws IOException {
		c.soTimeout(1);
		try {
			return c.read() < 0;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
	}

	private static void sleep(int millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

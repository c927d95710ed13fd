package io.lws.core.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.WriteProtocol;
import io.lws.core.support.TestServer;
import io.lws.core.support.WsTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lws_partial_buffered}: output held only for the flush at the end of the read is not "partial". Before
 * answering true, the engine writes what the socket takes, as {@code lws_write} would have, so a writer that checks
 * after every write (the echo) is not stopped while the peer is reading.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PartialBufferedTest {

	private static final int CHUNK = 16 * 1024;

	private static final int CHUNKS = 8;

	@Test
	void writesThatTheSocketTakesAreNotPartial() throws Exception {
		// for each RECEIVE: how many chunks went out before partialBuffered() first said true
		List<Integer> writtenBeforeStop = new CopyOnWriteArrayList<>();
		LwsProtocol<Void> p = LwsProtocol.of("burst", new LwsProtocolHandler<Void>() {
			@Override
			public int onReceive(Lws wsi, Void session, ByteBuffer in) {
				int n = 0;
				while (n < CHUNKS) {
					wsi.write(ByteBuffer.allocate(CHUNK), WriteProtocol.BINARY, true);
					n++;
					if (wsi.partialBuffered()) {
						break;
					}
				}
				writtenBeforeStop.add(n);
				return 0;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p));
				WsTestClient c = WsTestClient.connect(s.port(), "/", "burst")) {
			// a reader that keeps up, as a client normally does
			Thread reader = new Thread(() -> {
				try {
					for (int i = 0; i < CHUNKS; i++) {
						c.readFrame();
					}
				}
				catch (IOException ex) {
					// the assertion below reports it
				}
			});
			reader.start();
			c.sendText("go");
			reader.join(10_000);
			assertThat(writtenBeforeStop).containsExactly(CHUNKS);
		}
	}

}

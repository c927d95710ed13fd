package io.lws.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.CallbackReason;
import io.lws.core.ClientConnectInfo;
import io.lws.core.ContextCreationInfo;
import io.lws.core.Lws;
import io.lws.core.LwsContext;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.VhostCreationInfo;
import io.lws.core.WriteProtocol;
import io.lws.core.support.EchoProtocol;
import io.lws.core.support.TestServer;

/** A thousand client WebSocket connections opened, used and closed in waves, with nothing left behind. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientStormTest {

	private static final int TOTAL = 1000;

	private static final int WAVE = 100;

	/** Sends one message when established and closes when its echo comes back. */
	static final class Counter implements LwsProtocolHandler<Object> {

		final AtomicInteger established = new AtomicInteger();

		final AtomicInteger echoed = new AtomicInteger();

		final AtomicInteger closed = new AtomicInteger();

		final AtomicInteger errors = new AtomicInteger();

		volatile String lastError;

		@Override
		public int callback(Lws wsi, CallbackReason reason, Object session, Object in) {
			switch (reason) {
				case CLIENT_ESTABLISHED -> {
					this.established.incrementAndGet();
					wsi.write("storm", WriteProtocol.TEXT);
				}
				case CLIENT_RECEIVE -> {
					this.echoed.incrementAndGet();
					wsi.closeReason(1000, "done");
					return -1;
				}
				case CLIENT_CLOSED -> this.closed.incrementAndGet();
				case CLIENT_CONNECTION_ERROR -> {
					this.lastError = String.valueOf(in);
					this.errors.incrementAndGet();
				}
				default -> {
				}
			}
			return 0;
		}

	}

	@Test
	void thousandConnectionsInWavesLeakNothing() throws Exception {
		Counter counter = new Counter();
		try (TestServer server = TestServer.start((v) -> v.protocols(EchoProtocol.create(4096)));
				LwsContext client = LwsContext.create(ContextCreationInfo.builder()
					.vhost(VhostCreationInfo.builder("client").port(VhostCreationInfo.PORT_NO_LISTEN)
						.protocols(List.of(LwsProtocol.of("echo", counter)))
						.build())
					.build())) {
			ClientConnectInfo info = ClientConnectInfo.builder().address("127.0.0.1").port(server.port())
				.protocol("echo").build();
			for (int opened = 0; opened < TOTAL; opened += WAVE) {
				for (int i = 0; i < WAVE; i++) {
					client.clientConnect(info);
				}
				int target = opened + WAVE;
				long end = System.currentTimeMillis() + 20_000;
				while (counter.closed.get() + counter.errors.get() < target && System.currentTimeMillis() < end) {
					Thread.sleep(5);
				}
				assertThat(counter.errors.get()).as("errors, the last: %s", counter.lastError).isZero();
				assertThat(counter.closed.get()).isEqualTo(target);
			}
			assertThat(counter.established.get()).isEqualTo(TOTAL);
			assertThat(counter.echoed.get()).isEqualTo(TOTAL);
			long end = System.currentTimeMillis() + 5000;
			while ((client.connectionCount() != 0 || server.context().connectionCount() != 0)
					&& System.currentTimeMillis() < end) {
				Thread.sleep(10);
			}
			assertThat(client.connectionCount()).isZero();
			assertThat(server.context().connectionCount()).isZero();
		}
	}

}

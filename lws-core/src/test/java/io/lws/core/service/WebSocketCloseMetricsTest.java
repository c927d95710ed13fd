package io.lws.core.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.metrics.MetricsRecorder;
import io.lws.core.support.TestServer;
import io.lws.core.support.WsTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every WebSocket close is counted once, with 1006 when no close frame went either way. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebSocketCloseMetricsTest {

	@Test
	void aResetConnectionIsCountedAs1006AndACloseHandshakeByItsCode() throws Exception {
		List<String> closes = new CopyOnWriteArrayList<>();
		MetricsRecorder recorder = new MetricsRecorder() {
			@Override
			public void webSocketClosed(String protocol, int code, String initiator) {
				closes.add(protocol + " " + code + " " + initiator);
			}
		};
		LwsProtocol<Object> p = LwsProtocol.of("chat", new LwsProtocolHandler<>() {
		});
		try (TestServer s = TestServer.start((c) -> c.metricsRecorder(recorder), (v) -> v.protocols(p))) {
			try (WsTestClient c = WsTestClient.connect(s.port(), "/", "chat")) {
				c.raw().socket().setSoLinger(true, 0);
			}
			s.awaitConnections(0);
			try (WsTestClient c = WsTestClient.connect(s.port(), "/", "chat")) {
				c.sendClose(1000, "bye");
				assertThat(c.raw().closedByServer()).isTrue();
			}
			s.awaitConnections(0);
			assertThat(closes).containsExactly("chat 1006 remote", "chat 1000 remote");
		}
	}

}

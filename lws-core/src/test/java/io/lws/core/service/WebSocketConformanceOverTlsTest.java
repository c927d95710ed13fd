package io.lws.core.service;

import org.junit.jupiter.api.BeforeAll;

import io.lws.core.support.EchoProtocol;
import io.lws.core.support.TestServer;

/**
 * The whole WebSocket conformance suite again, over TLS: the roles must not notice the encryption. Shadows the
 * parent's {@code start()}; everything else is inherited.
 */
class WebSocketConformanceOverTlsTest extends WebSocketConformanceTest {

	@BeforeAll
	static void start() {
		server = TestServer.startTls((v) -> v.protocols(EchoProtocol.create(4096)).maxMessageSize(32 * 1024 * 1024));
	}

}

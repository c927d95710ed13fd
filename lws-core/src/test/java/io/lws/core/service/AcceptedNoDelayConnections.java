package io.lws.core.service;

import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.support.RawClient;
import io.lws.core.support.TestServer;

/**
 * Opens connections one after another to a server whose {@code HTTP} callback reads {@code TCP_NODELAY} off the
 * accepted socket; {@link AcceptedNoDelayTest} runs it in this JVM and in one that has not opened
 * {@code sun.nio.ch}, where it prints {@code nodelay [...]}.
 */
public final class AcceptedNoDelayConnections {

	private AcceptedNoDelayConnections() {
	}

	public static void main(String[] args) throws Exception {
		System.out.println("nodelay " + noDelayOfAcceptedSockets(3));
	}

	/** What each of {@code n} connections' server-side sockets said of {@code TCP_NODELAY}, in order. */
	static List<Boolean> noDelayOfAcceptedSockets(int n) throws Exception {
		List<Boolean> seen = new ArrayList<>();
		LwsProtocol<Object> probe = LwsProtocol.of("probe", new LwsProtocolHandler<>() {
			@Override
			public int onHttp(Lws wsi, Object s, String uri) {
				try {
					seen.add(((SocketChannel) wsi.getSocketFd()).getOption(StandardSocketOptions.TCP_NODELAY));
				}
				catch (java.io.IOException ex) {
					seen.add(null);
				}
				return wsi.returnHttpStatus(404, null);
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(probe))) {
			for (int i = 0; i < n; i++) {
				try (RawClient c = s.client()) {
					assertStatus(c.send("GET /p HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status());
				}
			}
		}
		synchronized (seen) {
			return new ArrayList<>(seen);
		}
	}

	private static void assertStatus(int status) {
		if (status != 404) {
			throw new IllegalStateException("status " + status);
		}
	}

}

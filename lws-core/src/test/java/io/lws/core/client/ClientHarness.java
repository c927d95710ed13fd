package io.lws.core.client;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.ToIntBiFunction;

import io.lws.core.CallbackReason;
import io.lws.core.ClientConnectInfo;
import io.lws.core.ContextCreationInfo;
import io.lws.core.Lws;
import io.lws.core.LwsContext;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.VhostCreationInfo;
import io.lws.core.support.ClientRecorder;
import io.lws.core.tls.CertificateGenerator;

/**
 * A client-only context (TLS, extension and peer tests) whose protocol {@code echo} records events with a
 * {@link ClientRecorder} and lets a test answer chosen callback reasons (the TLS hooks) first.
 */
final class ClientHarness implements AutoCloseable {

	final ClientRecorder rec = new ClientRecorder();

	/** Answers for reasons, asked before the recorder; called on the thread the engine calls on. */
	final Map<CallbackReason, ToIntBiFunction<Lws, Object>> answers = new ConcurrentHashMap<>();

	private final LwsContext context;

	ClientHarness(Consumer<ContextCreationInfo.Builder> ctx, Consumer<VhostCreationInfo.Builder> vhost) {
		LwsProtocolHandler<Object> handler = new LwsProtocolHandler<>() {
			@Override
			public int callback(Lws wsi, CallbackReason reason, Object session, Object in) {
				ToIntBiFunction<Lws, Object> a = ClientHarness.this.answers.get(reason);
				if (a != null) {
					return a.applyAsInt(wsi, in);
				}
				return ClientHarness.this.rec.callback(wsi, reason, session, in);
			}
		};
		VhostCreationInfo.Builder vb = VhostCreationInfo.builder("client").port(VhostCreationInfo.PORT_NO_LISTEN)
			.protocols(List.of(LwsProtocol.of("echo", handler)));
		vhost.accept(vb);
		ContextCreationInfo.Builder cb = ContextCreationInfo.builder().vhost(vb.build());
		ctx.accept(cb);
		this.context = LwsContext.create(cb.build());
	}

	ClientHarness(Consumer<VhostCreationInfo.Builder> vhost) {
		this((c) -> {
		}, vhost);
	}

	ClientHarness() {
		this((v) -> {
		});
	}

	LwsContext context() {
		return this.context;
	}

	Lws connect(ClientConnectInfo info) {
		return this.context.clientConnect(info);
	}

	/** A wss echo connection to 127.0.0.1:{@code port} with {@code ssl_connection} {@code ssl}. */
	static ClientConnectInfo.Builder wss(int port, int ssl) {
		return ClientConnectInfo.builder().address("127.0.0.1").port(port).sslConnection(ssl).protocol("echo");
	}

	/** A certificate generator for a server on 127.0.0.1 called localhost. */
	static CertificateGenerator loopback() {
		try {
			return CertificateGenerator.forName("localhost").dnsName("localhost")
				.ipAddress(InetAddress.getByName("127.0.0.1"));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What a raw test server does with its one connection. */
	@FunctionalInterface
	interface RawPeer {

		void handle(Socket s) throws Exception;

	}

	/** Serves the first connection of {@code listen} with {@code peer} on a daemon thread, then closes it. */
	static Thread serveOnce(ServerSocket listen, RawPeer peer) {
		Thread t = new Thread(() -> {
			try (Socket s = listen.accept()) {
				peer.handle(s);
			}
			catch (Exception ex) {
				// the client's events tell what happened
			}
		}, "raw-test-server");
		t.setDaemon(true);
		t.start();
		return t;
	}

	@Override
	public void close() {
		this.context.destroy();
	}

}

package io.lws.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

import io.lws.core.CallbackReason;
import io.lws.core.ClientConnectInfo;
import io.lws.core.ContextCreationInfo;
import io.lws.core.HeaderToken;
import io.lws.core.Lws;
import io.lws.core.LwsContext;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.VhostCreationInfo;
import io.lws.core.support.ClientRecorder;
import io.lws.core.support.EchoProtocol;
import io.lws.core.support.TestServer;

/** The threading rule for clients: connect from anywhere; use a connection only on its service thread. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClientThreadTest {

	@Test
	void connectingFromAnyThreadWorks() throws Exception {
		try (TestServer server = TestServer.start((v) -> v.protocols(EchoProtocol.create(4096)));
				ClientRecorder rec = new ClientRecorder().start("echo")) {
			Thread t = new Thread(() -> rec.connect(ClientConnectInfo.builder().address("127.0.0.1")
				.port(server.port()).protocol("echo").build()), "not-a-service-thread");
			t.start();
			t.join();
			assertThat(rec.next()).isEqualTo("established:echo");
		}
	}

	@Test
	void aConnectionOpenedInACallbackLandsOnTheCallersServiceThread() throws Exception {
		Map<String, String> threads = new ConcurrentHashMap<>();
		CountDownLatch established = new CountDownLatch(2);
		AtomicReference<Integer> port = new AtomicReference<>();
		LwsProtocolHandler<Object> h = new LwsProtocolHandler<>() {
			@Override
			public int callback(Lws wsi, CallbackReason reason, Object name, Object in) {
				if (reason == CallbackReason.CLIENT_ESTABLISHED) {
					threads.put((String) name, Thread.currentThread().getName());
					if ("first".equals(name)) {
						// the other thread is idle, so the context would pick it for a connection from outside
						wsi.context().clientConnect(ClientConnectInfo.builder().address("127.0.0.1").port(port.get())
							.protocol("echo").userdata("second").build());
					}
					established.countDown();
				}
				return 0;
			}
		};
		try (TestServer server = TestServer.start((v) -> v.protocols(EchoProtocol.create(4096)));
				LwsContext client = LwsContext.create(ContextCreationInfo.builder().countThreads(2)
					.vhost(VhostCreationInfo.builder("client").port(VhostCreationInfo.PORT_NO_LISTEN)
						.protocols(List.of(LwsProtocol.of("echo", h)))
						.build())
					.build())) {
			port.set(server.port());
			client.clientConnect(ClientConnectInfo.builder().address("127.0.0.1").port(server.port()).protocol("echo")
				.userdata("first").build());
			assertThat(established.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(threads.get("second")).isEqualTo(threads.get("first")).startsWith("lws-service-");
		}
	}

	@Test
	void clientMethodsOffTheServiceThreadThrow() throws Exception {
		try (TestServer server = TestServer.start((v) -> v.protocols(EchoProtocol.create(4096)));
				ClientRecorder rec = new ClientRecorder().start("echo")) {
			Lws wsi = rec.connect(ClientConnectInfo.builder().address("127.0.0.1").port(server.port()).protocol("echo")
				.build());
			assertThat(rec.next()).isEqualTo("established:echo");
			for (Executable call : List.<Executable>of(() -> wsi.clientHttpBodyPending(true),
					wsi::httpTransactionCompletedClient, () -> wsi.clientReset(0, "127.0.0.1", 1, "/", null),
					wsi::children, wsi::httpClientResponse, () -> wsi.hdrCopy(HeaderToken.HTTP))) {
				assertThatThrownBy(call::execute).isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("was called from thread 'Test worker'".replace("Test worker",
							Thread.currentThread().getName()))
					.hasMessageContaining("may only be used on their service thread");
			}
			// the connection is unharmed
			assertThat(wsi.isClosed()).isFalse();
			assertThat(wsi.parent()).isNull();
		}
	}

	@Test
	void clientOnlyMethodsOnAServerConnectionAndHttpOnlyMethodsOnAWebSocketAreRefused() throws Exception {
		AtomicReference<String> serverSide = new AtomicReference<>();
		AtomicReference<String> clientSide = new AtomicReference<>();
		LwsProtocolHandler<Object> probe = new LwsProtocolHandler<>() {
			@Override
			public int onEstablished(Lws wsi, Object session) {
				try {
					wsi.clientReset(0, "127.0.0.1", 1, "/", null);
				}
				catch (IllegalStateException ex) {
					serverSide.set(ex.getMessage());
				}
				return 0;
			}
		};
		try (TestServer server = TestServer.start((v) -> v.protocols(List.of(LwsProtocol.of("probe", probe))));
				ClientRecorder rec = new ClientRecorder().start("probe")) {
			rec.onEstablished = (wsi) -> {
				try {
					wsi.clientHttpBodyPending(true);
				}
				catch (IllegalStateException ex) {
					clientSide.set(ex.getMessage());
				}
			};
			rec.connect(ClientConnectInfo.builder().address("127.0.0.1").port(server.port()).protocol("probe").build());
			assertThat(rec.next()).isEqualTo("established:probe");
			long end = System.currentTimeMillis() + 5000;
			while ((serverSide.get() == null || clientSide.get() == null) && System.currentTimeMillis() < end) {
				Thread.sleep(10);
			}
			assertThat(serverSide.get()).contains("for client connections");
			assertThat(clientSide.get()).contains("for HTTP client connections, not WebSocket ones");
		}
	}

}

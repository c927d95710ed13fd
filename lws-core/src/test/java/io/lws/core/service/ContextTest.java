package io.lws.core.service;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.lws.core.CallbackReason;
import io.lws.core.ContextCreationInfo;
import io.lws.core.Lws;
import io.lws.core.LwsContext;
import io.lws.core.LwsException;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.LwsVhost;
import io.lws.core.ServerOption;
import io.lws.core.VhostCreationInfo;
import io.lws.core.support.Peers;
import io.lws.core.support.RawClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ContextTest {

	private static LwsProtocol<Object> answering(String text) {
		return LwsProtocol.of("http", new LwsProtocolHandler<>() {
			@Override
			public int onHttp(Lws wsi, Object session, String uri) {
				return wsi.returnHttpStatus(200, text);
			}
		});
	}

	@Test
	void explicitVhostsShareAPortAndAreChosenByHost() throws Exception {
		LwsContext ctx = LwsContext.create(ContextCreationInfo.builder().options(ServerOption.EXPLICIT_VHOSTS).build());
		try {
			assertThat(ctx.vhosts()).isEmpty();
			LwsVhost a = ctx.createVhost(VhostCreationInfo.builder("a.example")
				.port(0)
				.iface("127.0.0.1")
				.protocols(answering("AAA"))
				.build());
			LwsVhost b = ctx.createVhost(VhostCreationInfo.builder("b.example")
				.port(a.listenPort())
				.iface("127.0.0.1")
				.protocols(answering("BBB"))
				.build());
			assertThat(b.listenPort()).isEqualTo(a.listenPort());
			try (RawClient c = new RawClient(a.listenPort())) {
				assertThat(c.send("GET / HTTP/1.1\r\nHost: b.example:1234\r\n\r\n").readResponse().bodyText())
					.contains("BBB");
				assertThat(c.send("GET / HTTP/1.1\r\nHost: a.example\r\n\r\n").readResponse().bodyText())
					.contains("AAA");
				assertThat(c.send("GET / HTTP/1.1\r\nHost: other\r\n\r\n").readResponse().bodyText()).contains("AAA");
			}
			assertThatThrownBy(() -> ctx.createVhost(VhostCreationInfo.builder("a.example").port(0).build()))
				.isInstanceOf(LwsException.class)
				.hasMessageContaining("already exists");
		}
		finally {
			ctx.destroy();
		}
	}

	@Test
	void aPortInUseFailsWithAMessageNamingVhostAndPort() throws Exception {
		try (ServerSocketChannel taken = ServerSocketChannel.open()) {
			taken.bind(new InetSocketAddress("127.0.0.1", 0));
			int port = ((InetSocketAddress) taken.getLocalAddress()).getPort();
			assertThatThrownBy(() -> LwsContext.create(ContextCreationInfo.builder()
				.vhost(VhostCreationInfo.builder("web").port(port).iface("127.0.0.1").build())
				.build()))
				.isInstanceOf(LwsException.class)
				.hasMessageContaining("'web'")
				.hasMessageContaining("" + port);
		}
	}

	@Test
	void protocolInitAndDestroyAreCalledWithPerVhostOptions() {
		List<String> events = new CopyOnWriteArrayList<>();
		LwsProtocol<Object> p = LwsProtocol.of("p", new LwsProtocolHandler<>() {
			@Override
			public int onProtocolInit(LwsVhost vhost) {
				events.add("init " + vhost.name() + " " + vhost.protocolOptions("p"));
				return 0;
			}

			@Override
			public int onProtocolDestroy(LwsVhost vhost) {
				events.add("destroy " + vhost.name());
				return 0;
			}
		});
		LwsContext ctx = LwsContext.create(ContextCreationInfo.builder()
			.user("ctx-user")
			.vhost(VhostCreationInfo.builder("v").port(VhostCreationInfo.PORT_NO_LISTEN).protocols(p).pvo("p", "k", "1")
				.build())
			.build());
		assertThat(ctx.contextUser()).isEqualTo("ctx-user");
		ctx.destroy();
		ctx.destroy();
		assertThat(events).containsExactly("init v {k=1}", "destroy v");
	}

	@Test
	void theCallerCanDriveTheServiceLoopAndCancelServiceWakesIt() throws Exception {
		CountDownLatch cancelled = new CountDownLatch(1);
		LwsProtocol<Object> p = LwsProtocol.of("http", new LwsProtocolHandler<>() {
			@Override
			public int callback(Lws wsi, CallbackReason reason, Object session, Object in) {
				if (reason == CallbackReason.EVENT_WAIT_CANCELLED) {
					cancelled.countDown();
				}
				return 0;
			}

			@Override
			public int onHttp(Lws wsi, Object session, String uri) {
				return wsi.returnHttpStatus(200, "driven");
			}
		});
		LwsContext ctx = LwsContext.create(ContextCreationInfo.builder()
			.startServiceThreads(false)
			.vhost(VhostCreationInfo.builder("v").port(0).iface("127.0.0.1").protocols(p).build())
			.build());
		AtomicBoolean run = new AtomicBoolean(true);
		Thread loop = new Thread(() -> {
			while (run.get() && ctx.service(60_000) == 0) {
				// serviced
			}
		});
		loop.start();
		try (RawClient c = new RawClient(ctx.vhosts().get(0).listenPort())) {
			assertThat(c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().bodyText()).contains("driven");
			long start = System.nanoTime();
			ctx.cancelService();
			assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
		}
		finally {
			run.set(false);
			ctx.cancelService();
			loop.join(5000);
			ctx.destroy();
		}
		try (LwsContext threaded = LwsContext.create(ContextCreationInfo.builder().build())) {
			assertThatThrownBy(() -> threaded.service(0)).isInstanceOf(IllegalStateException.class);
		}
	}

	@Test
	void listensOnAUnixDomainSocket(@TempDir Path dir) throws Exception {
		Path sock = dir.resolve("lws.sock");
		try (LwsContext ctx = LwsContext.create(ContextCreationInfo.builder()
			.vhost(VhostCreationInfo.builder("u")
				.options(ServerOption.UNIX_SOCK)
				.iface(sock.toString())
				.protocols(answering("unix"))
				.build())
			.build()); SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			ch.connect(UnixDomainSocketAddress.of(sock));
			ch.write(ByteBuffer.wrap("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
			ByteBuffer in = ByteBuffer.allocate(4096);
			while (!StandardCharsets.UTF_8.decode(in.duplicate().flip()).toString().contains("unix")) {
				assertThat(ch.read(in)).isNotNegative();
			}
		}
	}

	@Test
	void adoptsSocketsAndTheirAlreadyReadBytes() throws Exception {
		try (LwsContext ctx = LwsContext.create(ContextCreationInfo.builder()
			.vhost(VhostCreationInfo.builder("v").port(0).iface("127.0.0.1").protocols(answering("adopted")).build())
			.build()); ServerSocketChannel own = ServerSocketChannel.open()) {
			own.bind(new InetSocketAddress("127.0.0.1", 0));
			int port = ((InetSocketAddress) own.getLocalAddress()).getPort();
			try (RawClient c = new RawClient(port)) {
				c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
				SocketChannel accepted = own.accept();
				ByteBuffer first = ByteBuffer.allocate(6);
				while (first.hasRemaining()) {
					accepted.read(first);
				}
				first.flip();
				ctx.adoptSocketReadbuf(accepted, first);
				assertThat(c.readResponse().bodyText()).contains("adopted");
			}
		}
	}

	@Test
	void destroyClosesConnectionsAndFreesThePort() throws Exception {
		LwsContext ctx = LwsContext.create(ContextCreationInfo.builder()
			.vhost(VhostCreationInfo.builder("v").port(0).iface("127.0.0.1").build())
			.build());
		int port = ctx.vhosts().get(0).listenPort();
		RawClient c = new RawClient(port);
		c.send("GET / HTTP/1.1\r\n");
		ctx.destroy();
		assertThat(c.closedByServer()).isTrue();
		c.close();
		try (ServerSocketChannel again = ServerSocketChannel.open()) {
			again.bind(new InetSocketAddress("127.0.0.1", port));
		}
		assertThat(ctx.isDestroyed()).isTrue();
	}

	@Test
	void servesWithSeveralServiceThreads() throws Exception {
		try (LwsContext ctx = LwsContext.create(ContextCreationInfo.builder()
			.countThreads(3)
			.vhost(VhostCreationInfo.builder("v").port(0).iface("127.0.0.1").protocols(answering("mt")).build())
			.build())) {
			assertThat(ctx.countThreads()).isEqualTo(3);
			assertThat(ctx.headerPoolStats().size()).isEqualTo(32);
			int port = ctx.vhosts().get(0).listenPort();
			List<RawClient> clients = new java.util.ArrayList<>();
			for (int i = 0; i < 9; i++) {
				clients.add(new RawClient(port));
			}
			for (RawClient c : clients) {
				assertThat(c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().bodyText()).contains("mt");
				c.close();
			}
		}
	}

	@Test
	void libraryVersionAndHostname() throws IOException {
		assertThat(LwsContext.getLibraryVersion()).contains("lws-java");
		try (LwsContext ctx = LwsContext.create(ContextCreationInfo.builder().build())) {
			assertThat(ctx.canonicalHostname()).isNotBlank();
		}
	}

	/**
	 * libwebsockets 4.x reports {@code gethostname()}, which {@code uname -n} prints too: not the name a reverse lookup
	 * gives, which is "localhost" wherever the hosts file maps the host's own name to 127.0.0.1.
	 */
	@Test
	void theCanonicalHostnameIsTheHostsOwnNameWithoutALookup() throws IOException {
		Peers.requireExecutable("/usr/bin/uname");
		Peers.Result uname = Peers.run(List.of("/usr/bin/uname", "-n"), 10);
		assertThat(uname.exitCode()).isZero();
		try (LwsContext ctx = LwsContext.create(ContextCreationInfo.builder().build())) {
			assertThat(ctx.canonicalHostname()).isEqualTo(uname.output().trim());
		}
		try (LwsContext ctx = LwsContext.create(
				ContextCreationInfo.builder().options(ServerOption.SKIP_SERVER_CANONICAL_NAME).build())) {
			assertThat(ctx.canonicalHostname()).isEmpty();
		}
	}

}

package io.lws.core.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

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
import io.lws.core.ServerOption;
import io.lws.core.VhostCreationInfo;
import io.lws.core.mount.Mount;
import io.lws.core.mount.MountOrigin;
import io.lws.core.support.EchoProtocol;
import io.lws.core.support.HttpResponse;
import io.lws.core.support.RawClient;
import io.lws.core.support.TestServer;
import io.lws.core.support.Tls;
import io.lws.core.support.WsTestClient;
import io.lws.core.tls.CertificateGenerator;
import io.lws.core.tls.ClientCertificateCheck;
import io.lws.core.tls.TlsServerSetup;
import io.lws.core.tls.TlsTransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Server TLS: handshakes, SNI, client certificates, mixed ports, bad input, timeouts and the memory it holds. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsServerTest {

	/** Answers every HTTP request with "tls=N host=V" (isSsl and the vhost). */
	static LwsProtocol<Object> reporting() {
		return LwsProtocol.of("report", new LwsProtocolHandler<>() {
			@Override
			public int onHttp(Lws wsi, Object session, String uri) {
				String peer = (wsi.sslSession() != null && wsi.sslSession().getProtocol() != null)
						? wsi.sslSession().getProtocol() : "-";
				String body = "tls=" + wsi.isSsl() + " vhost=" + wsi.vhost().name() + " proto=" + peer
						+ " client=" + clientName(wsi);
				return wsi.returnHttpStatus(200, body);
			}
		});
	}

	static String clientName(Lws wsi) {
		try {
			return (wsi.sslSession() != null) ? wsi.sslSession().getPeerPrincipal().getName() : "-";
		}
		catch (javax.net.ssl.SSLPeerUnverifiedException ex) {
			return "none";
		}
	}

	static HttpResponse get(RawClient c, String host) throws IOException {
		c.send("GET /x HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
		return c.readResponse();
	}

	@Test
	void servesHttpsWithTls13AndTls12AndAlpn() throws Exception {
		try (TestServer s = TestServer.startTls((v) -> v.protocols(reporting()))) {
			for (String proto : List.of("TLSv1.3", "TLSv1.2")) {
				SSLSocket sock = Tls.connect(s.tls().clientContext(), s.port(), "localhost", new String[] { proto });
				assertThat(sock.getApplicationProtocol()).isEqualTo("http/1.1");
				try (RawClient c = new RawClient(sock)) {
					HttpResponse r = get(c, "localhost");
					assertThat(r.status()).isEqualTo(200);
					assertThat(r.bodyText()).contains("tls=1").contains("proto=" + proto);
					// keep-alive: a second request on the same TLS session
					assertThat(get(c, "localhost").status()).isEqualTo(200);
				}
			}
		}
	}

	@Test
	void idleTlsConnectionHoldsNoBuffersOfItsOwn() throws Exception {
		try (TestServer s = TestServer.startTls((v) -> v.protocols(reporting()));
				RawClient c = s.client()) {
			assertThat(get(c, "localhost").status()).isEqualTo(200);
			ContextEngine ctx = (ContextEngine) s.context();
			AtomicInteger held = new AtomicInteger(-1);
			java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
			ServiceThread pt = ctx.serviceThreads().get(0);
			pt.post(() -> {
				Connection conn = pt.connections.iterator().next();
				held.set(((TlsTransport) conn.transport).heldBytes() + conn.pendingOutput()
						+ ((conn.stash != null) ? conn.stash.capacity() : 0));
				done.countDown();
			});
			done.await(5, TimeUnit.SECONDS);
			assertThat(held.get()).isZero();
		}
	}

	@Test
	void sniChoosesTheVhostAndItsCertificateAndHostIsChecked() throws Exception {
		Tls.Material a = Tls.forName("a.test");
		Tls.Material b = Tls.forName("b.test");
		VhostCreationInfo va = a.applyTo(VhostCreationInfo.builder("a.test").port(0).iface("127.0.0.1"))
			.protocols(reporting())
			.build();
		LwsContext ctx = LwsContext.create(ContextCreationInfo.builder().vhost(va).build());
		try {
			int port = ctx.vhosts().get(0).listenPort();
			ctx.createVhost(b.applyTo(VhostCreationInfo.builder("b.test").port(port).iface("127.0.0.1"))
				.protocols(reporting())
				.build());
			// a fresh client context each time: the JDK resends a cached session's server name when it resumes
			List<X509Certificate> both = List.of(a.certificate(), b.certificate());
			for (String name : List.of("a.test", "b.test")) {
				SSLSocket sock = Tls.connect(Tls.clientContext(both, null), port, name, null);
				X509Certificate served = (X509Certificate) sock.getSession().getPeerCertificates()[0];
				try (RawClient c = new RawClient(sock)) {
					assertThat(get(c, name).bodyText()).contains("vhost=" + name);
				}
				assertThat(served.getSubjectX500Principal().getName()).isEqualTo("CN=" + name);
			}
			// no SNI, or an unknown name: the first vhost
			for (String name : new String[] { null, "c.test" }) {
				SSLSocket sock = Tls.connect(Tls.clientContext(both, null), port, name, null);
				X509Certificate served = (X509Certificate) sock.getSession().getPeerCertificates()[0];
				assertThat(served.getSubjectX500Principal().getName()).isEqualTo("CN=a.test");
				sock.close();
			}
			// SNI says a.test, Host says b.test: misdirected
			try (RawClient c = new RawClient(Tls.connect(Tls.clientContext(both, null), port, "a.test", null))) {
				assertThat(get(c, "b.test").status()).isEqualTo(421);
			}
		}
		finally {
			ctx.destroy();
		}
	}

	@Test
	void clientCertificatesAreRequiredVerifiedAndPassedToTheCallback() throws Exception {
		CertificateGenerator.Issued ca = CertificateGenerator.forName("Test CA").ca(true).generate();
		CertificateGenerator.Issued otherCa = CertificateGenerator.forName("Other CA").ca(true).generate();
		CertificateGenerator.Issued alice = CertificateGenerator.forName("alice").signedBy(ca).generate();
		CertificateGenerator.Issued mallory = CertificateGenerator.forName("mallory").signedBy(otherCa).generate();
		Tls.Material caFiles = Tls.write(ca, "ca");
		AtomicInteger verifications = new AtomicInteger();
		AtomicReference<String> verifyThread = new AtomicReference<>();
		LwsProtocol<Object> p = LwsProtocol.of("report", new LwsProtocolHandler<>() {
			@Override
			public int callback(Lws wsi, CallbackReason reason, Object session, Object in) {
				if (reason == CallbackReason.OPENSSL_PERFORM_CLIENT_CERT_VERIFICATION) {
					verifications.incrementAndGet();
					verifyThread.set(Thread.currentThread().getName());
					ClientCertificateCheck check = (ClientCertificateCheck) in;
					return check.chain()[0].getSubjectX500Principal().getName().contains("bob") ? 1 : 0;
				}
				return 0;
			}

			@Override
			public int onHttp(Lws wsi, Object session, String uri) {
				return wsi.returnHttpStatus(200, "client=" + clientName(wsi));
			}
		});
		try (TestServer s = TestServer.startTls((v) -> v.protocols(p)
			.sslCaFilepath(caFiles.certFile().toString())
			.options(ServerOption.REQUIRE_VALID_OPENSSL_CLIENT_CERT))) {
			List<X509Certificate> trust = List.of(s.tls().certificate());
			try (RawClient c = new RawClient(
					Tls.connect(Tls.clientContext(trust, alice), s.port(), "localhost", null))) {
				assertThat(get(c, "localhost").bodyText()).contains("client=CN=alice");
			}
			assertThat(verifications.get()).isEqualTo(1);
			verifications.set(0);
			assertThat(verifyThread.get()).startsWith("lws-service-");
			// a certificate from an unknown CA, no certificate, one the callback refuses: no session
			CertificateGenerator.Issued bob = CertificateGenerator.forName("bob").signedBy(ca).generate();
			for (CertificateGenerator.Issued who : new CertificateGenerator.Issued[] { mallory, null, bob }) {
				assertThat(refused(Tls.clientContext(trust, who), s.port())).as(String.valueOf(who)).isTrue();
			}
			// mallory's and bob's certificates reached the callback (mallory's with preverify failed)
			assertThat(verifications.get()).isEqualTo(2);
		}
	}

	/** True when the server refuses the handshake (TLS 1.3 reports it at the first read). */
	static boolean refused(SSLContext client, int port) {
		try (RawClient c = new RawClient(Tls.connect(client, port, "localhost", null))) {
			c.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
			return c.closedByServer();
		}
		catch (IOException ex) {
			return true;
		}
	}

	@Test
	void acceptDespiteFailureLetsTheCallbackOverrideTheChainCheck() throws Exception {
		CertificateGenerator.Issued ca = CertificateGenerator.forName("Test CA").ca(true).generate();
		CertificateGenerator.Issued stranger = CertificateGenerator.forName("stranger").generate();
		LwsProtocol<Object> p = LwsProtocol.of("report", new LwsProtocolHandler<>() {
			@Override
			public int callback(Lws wsi, CallbackReason reason, Object session, Object in) {
				if (reason == CallbackReason.OPENSSL_LOAD_EXTRA_SERVER_VERIFY_CERTS) {
					((TlsServerSetup) in).trust(ca.certificate());
				}
				if (reason == CallbackReason.OPENSSL_PERFORM_CLIENT_CERT_VERIFICATION) {
					ClientCertificateCheck check = (ClientCertificateCheck) in;
					assertThat(check.preverifyOk()).isFalse();
					check.acceptDespiteFailure();
				}
				return 0;
			}

			@Override
			public int onHttp(Lws wsi, Object session, String uri) {
				return wsi.returnHttpStatus(200, "client=" + clientName(wsi));
			}
		});
		try (TestServer s = TestServer.startTls((v) -> v.protocols(p)
			.options(ServerOption.REQUIRE_VALID_OPENSSL_CLIENT_CERT));
				RawClient c = new RawClient(Tls.connect(Tls.clientContext(List.of(s.tls().certificate()), stranger),
						s.port(), "localhost", null))) {
			assertThat(get(c, "localhost").bodyText()).contains("client=CN=stranger");
		}
	}

	@Test
	void requiresPrivateKeyCallbackSuppliesTheKey() throws Exception {
		Tls.Material m = Tls.localhost();
		LwsProtocol<Object> p = LwsProtocol.of("report", new LwsProtocolHandler<>() {
			@Override
			public int callback(Lws wsi, CallbackReason reason, Object session, Object in) {
				if (reason == CallbackReason.OPENSSL_CONTEXT_REQUIRES_PRIVATE_KEY) {
					TlsServerSetup setup = (TlsServerSetup) in;
					assertThat(setup.certificateChain()).hasSize(1);
					setup.privateKey(m.issued().privateKey());
				}
				return 0;
			}

			@Override
			public int onHttp(Lws wsi, Object session, String uri) {
				return wsi.returnHttpStatus(200, "ok");
			}
		});
		VhostCreationInfo v = VhostCreationInfo.builder("default").port(0).iface("127.0.0.1")
			.sslCertFilepath(m.certFile().toString()).protocols(p).build();
		LwsContext ctx = LwsContext.create(ContextCreationInfo.builder().vhost(v).build());
		try (RawClient c = new RawClient(m.connect(ctx.vhosts().get(0).listenPort(), "localhost"))) {
			assertThat(get(c, "localhost").status()).isEqualTo(200);
		}
		finally {
			ctx.destroy();
		}
	}

	@Test
	void plainHttpOnTheTlsPortIsRefusedWithAHint() throws Exception {
		try (TestServer s = TestServer.startTls((v) -> v.protocols(reporting()))) {
			try (RawClient c = new RawClient(s.port())) {
				HttpResponse r = get(c, "localhost");
				assertThat(r.status()).isEqualTo(400);
				assertThat(r.bodyText()).contains("This port speaks TLS");
				assertThat(c.closedByServer()).isTrue();
			}
			try (RawClient c = new RawClient(s.port())) {
				c.send(new byte[] { 0x01, 0x02, 0x03, (byte) 0xff, 0x00 });
				assertThat(c.closedByServer()).isTrue();
			}
			// a TLS record header that claims a handshake, then garbage
			try (RawClient c = new RawClient(s.port())) {
				byte[] junk = new byte[300];
				ThreadLocalRandom.current().nextBytes(junk);
				junk[0] = 0x16;
				junk[1] = 0x03;
				junk[2] = 0x01;
				junk[3] = 0x01;
				junk[4] = 0x00;
				c.send(junk);
				assertThat(c.closedByServer()).isTrue();
			}
			s.awaitConnections(0);
		}
	}

	@Test
	void allowNonSslServesPlainAndRedirectSendsItToHttps() throws Exception {
		try (TestServer s = TestServer.startTls(
				(v) -> v.protocols(reporting()).options(ServerOption.ALLOW_NON_SSL_ON_SSL_PORT));
				RawClient c = new RawClient(s.port())) {
			assertThat(get(c, "localhost").bodyText()).contains("tls=0");
		}
		try (TestServer s = TestServer.startTls((v) -> v.protocols(reporting())
			.options(ServerOption.ALLOW_NON_SSL_ON_SSL_PORT, ServerOption.REDIRECT_HTTP_TO_HTTPS))) {
			try (RawClient c = new RawClient(s.port())) {
				c.send("GET /page?x=1 HTTP/1.1\r\nHost: localhost:" + s.port() + "\r\n\r\n");
				HttpResponse r = c.readResponse();
				assertThat(r.status()).isEqualTo(301);
				assertThat(r.header("location")).isEqualTo("https://localhost:" + s.port() + "/page?x=1");
			}
			// TLS on the same port is served, not redirected
			try (RawClient c = s.client()) {
				assertThat(get(c, "localhost").bodyText()).contains("tls=1");
			}
			// nothing is served in plain text: without a host to redirect to, the request is refused
			for (String noHost : new String[] { "GET / HTTP/1.0\r\n\r\n", "GET / HTTP/1.1\r\nHost: \r\n\r\n",
					"GET /echo HTTP/1.1\r\nHost:\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
							+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n" }) {
				try (RawClient c = new RawClient(s.port())) {
					assertThat(c.send(noHost).readResponse().status()).as(noHost).isEqualTo(400);
				}
			}
			// an absolute-form target names the host (RFC 9112 section 3.2.2); OPTIONS * goes to /
			try (RawClient c = new RawClient(s.port())) {
				c.send("GET http://other.example/x?q=1 HTTP/1.1\r\nHost: localhost\r\n\r\n");
				assertThat(c.readResponse().header("location")).isEqualTo("https://other.example/x?q=1");
			}
			try (RawClient c = new RawClient(s.port())) {
				c.send("OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n");
				assertThat(c.readResponse().header("location")).isEqualTo("https://localhost/");
			}
		}
	}

	@Test
	void plainAndTlsListenersSideBySide() throws Exception {
		try (TestServer s = TestServer.startTls((v) -> v.protocols(reporting()))) {
			s.context().createVhost(VhostCreationInfo.builder("plain").port(0).iface("127.0.0.1")
				.options(ServerOption.REDIRECT_HTTP_TO_HTTPS).protocols(reporting()).build());
			int plainPort = s.context().vhost("plain").listenPort();
			try (RawClient c = new RawClient(plainPort)) {
				c.send("GET /a HTTP/1.1\r\nHost: example.test\r\n\r\n");
				HttpResponse r = c.readResponse();
				assertThat(r.status()).isEqualTo(301);
				assertThat(r.header("location")).isEqualTo("https://example.test/a");
			}
			try (RawClient c = s.client()) {
				assertThat(get(c, "localhost").bodyText()).contains("tls=1 vhost=default");
			}
			// a plain vhost cannot join the TLS port
			assertThatThrownBy(() -> s.context().createVhost(VhostCreationInfo.builder("other").port(s.port())
				.iface("127.0.0.1").build())).isInstanceOf(LwsException.class).hasMessageContaining("must all use TLS");
		}
	}

	@Test
	void stalledHandshakeIsDroppedBySslAcceptTimeout() throws Exception {
		// 2 s: timeouts have one-second granularity, so 1 s could cut a healthy handshake short
		try (TestServer s = TestServer.startTls((v) -> v.protocols(reporting()).timeoutSecs(2))) {
			// nothing at all, half a ClientHello, a full ClientHello and then silence
			byte[] hello = clientHello();
			try (RawClient silent = new RawClient(s.port());
					RawClient half = new RawClient(s.port());
					RawClient whole = new RawClient(s.port())) {
				half.send(java.util.Arrays.copyOf(hello, hello.length / 2));
				whole.send(hello);
				long start = System.nanoTime();
				assertThat(silent.closedByServer()).isTrue();
				assertThat(half.closedByServer()).isTrue();
				assertThat(whole.closedByServer()).isTrue();
				assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(4900);
			}
			s.awaitConnections(0);
			// the server still works
			try (RawClient c = s.client()) {
				assertThat(get(c, "localhost").status()).isEqualTo(200);
			}
		}
	}

	@Test
	void handshakesHoldNoHeaderBuffer() throws Exception {
		try (TestServer s = TestServer.startTls((c) -> c.maxHttpHeaderPool(1), (v) -> v.protocols(reporting()))) {
			byte[] hello = clientHello();
			try (RawClient a = new RawClient(s.port()); RawClient b = new RawClient(s.port())) {
				// two clients stall mid-handshake; the one header buffer is still free for a real request
				a.send(hello);
				b.send(java.util.Arrays.copyOf(hello, 10));
				s.awaitConnections(2);
				try (RawClient c = s.client()) {
					assertThat(get(c, "localhost").status()).isEqualTo(200);
				}
			}
		}
	}

	@Test
	void truncatedClientHelloThenCloseIsCleanedUp() throws Exception {
		try (TestServer s = TestServer.startTls((v) -> v.protocols(reporting()))) {
			byte[] hello = clientHello();
			for (int cut : new int[] { 1, 5, 6, hello.length - 1 }) {
				try (RawClient c = new RawClient(s.port())) {
					c.send(java.util.Arrays.copyOf(hello, cut));
				}
			}
			s.awaitConnections(0);
		}
	}

	/** A real ClientHello with SNI, as a JDK client sends it. */
	static byte[] clientHello() throws Exception {
		javax.net.ssl.SSLEngine e = SSLContext.getDefault().createSSLEngine("localhost", 443);
		e.setUseClientMode(true);
		java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(e.getSession().getPacketBufferSize());
		e.wrap(java.nio.ByteBuffer.allocate(0), out);
		out.flip();
		byte[] b = new byte[out.remaining()];
		out.get(b);
		return b;
	}

	@Test
	void aRecordCutShortMidSessionEndsTheConnectionQuietly() throws Exception {
		try (TestServer s = TestServer.startTls((v) -> v.protocols(reporting()))) {
			io.lws.core.tls.TlsClientContext client = io.lws.core.tls.TlsClientContext.builder()
				.trust(List.of(s.tls().certificate()))
				.build();
			java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel
				.open(new InetSocketAddress("127.0.0.1", s.port()));
			TlsTransport t = new TlsTransport(ch, client.newEngine("localhost", s.port()),
					io.lws.core.tls.TlsBuffers.forDefaults(), Runnable::run, Runnable::run, null, 1, null);
			t.beginHandshake();
			java.nio.ByteBuffer app = java.nio.ByteBuffer.allocate(t.minReadBuffer());
			while (!t.isReady()) {
				assertThat(t.read(app)).isNotNegative();
			}
			s.awaitConnections(1);
			// half of one application record, then the TCP connection ends without close_notify
			java.nio.ByteBuffer record = java.nio.ByteBuffer.allocate(t.session().getPacketBufferSize());
			t.engine().wrap(java.nio.ByteBuffer.wrap("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
					record);
			record.flip();
			record.limit(record.limit() / 2);
			ch.write(record);
			ch.close();
			s.awaitConnections(0);
			// and the delegated tasks ran on the TLS task pool, not on the service thread
			assertThat(Thread.getAllStackTraces().keySet()).anyMatch((th) -> th.getName().startsWith("lws-tls-"));
		}
	}

	@Test
	void tls12RenegotiationIsRefused() throws Exception {
		try (TestServer s = TestServer.startTls((v) -> v.protocols(reporting()))) {
			SSLSocket sock = Tls.connect(s.tls().clientContext(), s.port(), "localhost", new String[] { "TLSv1.2" });
			try (RawClient c = new RawClient(sock)) {
				assertThat(get(c, "localhost").status()).isEqualTo(200);
				boolean refused;
				try {
					sock.startHandshake();
					c.send("GET /x HTTP/1.1\r\nHost: localhost\r\n\r\n");
					refused = c.closedByServer();
				}
				catch (IOException ex) {
					refused = true;
				}
				assertThat(refused).isTrue();
			}
		}
	}

	@Test
	void closeNotifyBothWays() throws Exception {
		try (TestServer s = TestServer.startTls((v) -> v.protocols(reporting()))) {
			// the server closes (Connection: close) with close_notify: a clean end of stream, no truncation error
			try (RawClient c = s.client()) {
				c.send("GET /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
				assertThat(c.readResponse().status()).isEqualTo(200);
				assertThat(c.read()).isEqualTo(-1);
			}
			// the client closes with close_notify: the server lets go
			SSLSocket sock = s.tls().connect(s.port(), "localhost");
			s.awaitConnections(1);
			sock.close();
			s.awaitConnections(0);
		}
	}

	@Test
	void closeNotifyReadTogetherWithARequestEndsTheConnectionAfterItsAnswer() throws Exception {
		// the first request holds the service thread, so the second and the close_notify reach it in one read
		LwsProtocol<Object> slowFirst = LwsProtocol.of("slow", new LwsProtocolHandler<>() {
			@Override
			public int onHttp(Lws wsi, Object session, String uri) {
				if (uri.equals("/slow")) {
					try {
						Thread.sleep(300);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				return wsi.returnHttpStatus(200, uri);
			}
		});
		try (TestServer s = TestServer.startTls((v) -> v.protocols(slowFirst));
				Socket tcp = new Socket(InetAddress.getLoopbackAddress(), s.port());
				// layered without autoClose, the JDK's close_notify comes without a FIN
				RawClient c = new RawClient(
						s.tls().clientContext().getSocketFactory().createSocket(tcp, "localhost", s.port(), false))) {
			c.send("GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n");
			Thread.sleep(100);
			c.send("GET /next HTTP/1.1\r\nHost: localhost\r\n\r\n");
			c.socket().shutdownOutput();
			assertThat(new String(c.readResponse().body(), StandardCharsets.UTF_8)).contains("<h1>200 OK</h1>/slow<");
			assertThat(new String(c.readResponse().body(), StandardCharsets.UTF_8)).contains("<h1>200 OK</h1>/next<");
			// the stream's end was seen with the second request: the server closes after answering it (it kept the
			// connection until the keep-alive timeout, 5 s, before)
			c.soTimeout(2000);
			assertThat(c.closedByServer()).isTrue();
		}
	}

	@Test
	void recordsSplitAnywhereStillWork() throws Exception {
		try (TestServer s = TestServer.startTls((v) -> v.protocols(EchoProtocol.create(4096)));
				DripProxy proxy = new DripProxy(s.port())) {
			SSLSocket sock = Tls.connect(s.tls().clientContext(), proxy.port(), "localhost", null);
			try (WsTestClient ws = WsTestClient.connect(new RawClient(sock), "/", "echo")) {
				byte[] payload = new byte[70000];
				ThreadLocalRandom.current().nextBytes(payload);
				assertThat(ws.sendBinary(payload).readMessage().payload()).isEqualTo(payload);
				assertThat(ws.sendText("split").readMessage().text()).isEqualTo("split");
			}
		}
	}

	@Test
	void largeFilesStreamOverTlsInChunks(@TempDir Path dir) throws Exception {
		byte[] big = new byte[5 * 1024 * 1024 + 7];
		ThreadLocalRandom.current().nextBytes(big);
		Files.write(dir.resolve("big.bin"), big);
		Mount m = Mount.builder("/", MountOrigin.FILE, dir.toString()).build();
		try (TestServer s = TestServer.startTls((v) -> v.mounts(m)); RawClient c = s.client()) {
			c.soTimeout(20000);
			c.send("GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n");
			HttpResponse r = c.readResponse();
			assertThat(r.status()).isEqualTo(200);
			assertThat(r.body()).isEqualTo(big);
			// and the connection is usable after it
			c.send("GET /big.bin HTTP/1.1\r\nHost: localhost\r\nRange: bytes=0-9\r\n\r\n");
			assertThat(c.readResponse().status()).isIn(200, 206);
		}
	}

	@Test
	void badTlsSettingsFailAtStartWithClearMessages(@TempDir Path dir) throws Exception {
		Tls.Material m = Tls.localhost();
		Tls.Material other = Tls.forName("other");
		assertThatThrownBy(() -> TestServer.startTls((v) -> v.sslCipherList("ECDHE-RSA-AES128-GCM-SHA256:FOO")))
			.hasMessageContaining("'FOO' is not an OpenSSL cipher name");
		assertThatThrownBy(() -> TestServer.startTls((v) -> v.ecdhCurve("brainpool-zz")))
			.hasMessageContaining("ecdh_curve: 'brainpool-zz'");
		assertThatThrownBy(() -> TestServer.start((v) -> m.applyTo(v)
			.sslPrivateKeyFilepath(other.keyFile().toString())))
			.hasMessageContaining("does not belong to the certificate");
		assertThatThrownBy(() -> TestServer.start((v) -> v.sslCertFilepath(dir.resolve("missing.pem").toString())
			.sslPrivateKeyFilepath(m.keyFile().toString())))
			.hasMessageContaining("Cannot read")
			.hasMessageContaining("missing.pem");
		assertThatThrownBy(() -> TestServer.start((v) -> m.applyTo(v)
			.options(ServerOption.REQUIRE_VALID_OPENSSL_CLIENT_CERT)))
			.hasMessageContaining("REQUIRE_VALID_OPENSSL_CLIENT_CERT needs the CAs");
		assertThatThrownBy(() -> TestServer.start((v) -> m.applyTo(v).sslProtocols(List.of("TLSv1"))))
			.hasMessageContaining("TLSv1");
		// a valid OpenSSL list and curve are taken
		try (TestServer s = TestServer.startTls((v) -> v.protocols(reporting())
			.sslCipherList("ECDHE+AESGCM:!aNULL:!MD5")
			.ecdhCurve("prime256v1")); RawClient c = s.client()) {
			assertThat(get(c, "localhost").status()).isEqualTo(200);
		}
	}

	@Test
	void servesFromAKeytoolPkcs12StoreAndSwapsKeyMaterialLive(@TempDir Path dir) throws Exception {
		io.lws.core.support.Peers.requireExecutable("/usr/bin/keytool");
		Path ks = dir.resolve("server.p12");
		io.lws.core.support.Peers.Result r = io.lws.core.support.Peers.run(List.of("/usr/bin/keytool", "-genkeypair",
				"-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-alias", "srv",
				"-keyalg", "EC", "-dname", "CN=localhost", "-ext", "san=dns:localhost", "-validity", "2"), 60);
		assertThat(r.exitCode()).as(r.output()).isZero();
		java.security.KeyStore store = io.lws.core.tls.KeyStoreFile.pkcs12(ks, "changeit").load();
		X509Certificate fromStore = (X509Certificate) store.getCertificate("srv");
		VhostCreationInfo v = VhostCreationInfo.builder("default").port(0).iface("127.0.0.1").protocols(reporting())
			.sslKeyStore(io.lws.core.tls.KeyStoreFile.pkcs12(ks, "changeit"), "srv").build();
		LwsContext ctx = LwsContext.create(ContextCreationInfo.builder().vhost(v).build());
		try {
			int port = ctx.vhosts().get(0).listenPort();
			SSLSocket sock = Tls.connect(Tls.clientContext(List.of(fromStore), null), port, "localhost", null);
			assertThat(sock.getSession().getPeerCertificates()[0]).isEqualTo(fromStore);
			try (RawClient c = new RawClient(sock)) {
				assertThat(get(c, "localhost").status()).isEqualTo(200);
			}
			// a renewed certificate: new connections get it
			CertificateGenerator.Issued renewed = CertificateGenerator.localhost();
			javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory
				.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
			kmf.init(renewed.keyStore("k", "pw".toCharArray()), "pw".toCharArray());
			ctx.vhosts().get(0).updateSslManagers(kmf.getKeyManagers(), null);
			SSLSocket again = Tls.connect(Tls.clientContext(List.of(renewed.certificate()), null), port, "localhost",
					null);
			assertThat(again.getSession().getPeerCertificates()[0]).isEqualTo(renewed.certificate());
			again.close();
		}
		finally {
			ctx.destroy();
		}
	}

	/** Forwards a TCP connection, cutting what the client sends into pieces of 1 to 7 bytes. */
	static final class DripProxy implements AutoCloseable {

		private final ServerSocket server;

		private final int target;

		DripProxy(int target) throws IOException {
			this.target = target;
			this.server = new ServerSocket();
			this.server.bind(new InetSocketAddress("127.0.0.1", 0));
			Thread t = new Thread(this::run, "drip-proxy");
			t.setDaemon(true);
			t.start();
		}

		int port() {
			return this.server.getLocalPort();
		}

		private void run() {
			try {
				while (true) {
					Socket client = this.server.accept();
					Socket upstream = new Socket("127.0.0.1", this.target);
					upstream.setTcpNoDelay(true);
					client.setTcpNoDelay(true);
					pump(client.getInputStream(), upstream.getOutputStream(), true, upstream);
					pump(upstream.getInputStream(), client.getOutputStream(), false, client);
				}
			}
			catch (IOException ex) {
				// closed
			}
		}

		private static void pump(InputStream in, OutputStream out, boolean drip, Socket closeWhenDone) {
			Thread t = new Thread(() -> {
				byte[] buf = new byte[16384];
				try {
					int n;
					while ((n = in.read(buf)) > 0) {
						if (!drip) {
							out.write(buf, 0, n);
							out.flush();
							continue;
						}
						int off = 0;
						while (off < n) {
							int k = Math.min(n - off, 1 + ThreadLocalRandom.current().nextInt(7));
							out.write(buf, off, k);
							out.flush();
							off += k;
						}
					}
				}
				catch (IOException ex) {
					// one side went away
				}
				try {
					closeWhenDone.close();
				}
				catch (IOException ex) {
					// done
				}
			}, "drip-pump");
			t.setDaemon(true);
			t.start();
		}

		@Override
		public void close() throws IOException {
			this.server.close();
		}

	}

}
